package io.cleave.train.update;

import java.io.Serializable;

/**
 * One trajectory laid out for the update: the full sequence (prompt then generated tokens) and, for every
 * generated token {@code i}, whether it is a policy token, its sampling log-prob, its advantage and its macro-action
 * id (unique in the batch). Generated token {@code i} sits at sequence index {@code promptLength + i} and is scored
 * at position {@code promptLength + i - 1}.
 *
 * @param sequence prompt and generated tokens
 * @param promptLength tokens of the prompt
 * @param policyMask per generated token
 * @param oldLogProbs per generated token
 * @param advantages per generated token
 * @param macroActions per generated token, a batch-unique macro-action id
 */
public record TrainingSequence(int[] sequence, int promptLength, boolean[] policyMask, float[] oldLogProbs,
        float[] advantages, int[] macroActions) implements Serializable {

    private static final long serialVersionUID = 1L;

    /**
     * One trajectory of a prompt: the sequence is the prompt followed by the generated tokens, and each generated
     * token's macro-action id is its tree node id plus {@code nodeBase} (the node count of the batch's earlier
     * prompts), so that ids are unique in the batch.
     *
     * @param tokenNodes per generated token, its node id in the prompt's trajectory tree
     */
    public static TrainingSequence of(int[] prompt, int[] tokens, boolean[] policyMask, float[] oldLogProbs,
            float[] advantages, int[] tokenNodes, int nodeBase) {
        int[] sequence = new int[prompt.length + tokens.length];
        System.arraycopy(prompt, 0, sequence, 0, prompt.length);
        System.arraycopy(tokens, 0, sequence, prompt.length, tokens.length);
        int[] macro = new int[tokenNodes.length];
        for (int i = 0; i < tokenNodes.length; i++) {
            macro[i] = nodeBase + tokenNodes[i];
        }
        return new TrainingSequence(sequence, prompt.length, policyMask, oldLogProbs, advantages, macro);
    }

    /** Number of generated tokens. */
    public int generated() {
        return policyMask.length;
    }
}
