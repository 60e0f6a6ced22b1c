package io.cleave.train;

import io.cleave.rollout.engine.PromptRollout;
import io.cleave.rollout.tree.RolloutSample;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

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
public record TrainingRow(int[] sequence, int promptLength, boolean[] policyMask, float[] oldLogProbs,
        float[] advantages, int[] macroActions) implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Every trajectory of a scored batch as rows, prompt by prompt. */
    public static List<TrainingRow> of(ScoredBatch batch) {
        List<TrainingRow> rows = new ArrayList<>();
        int macroBase = 0;
        for (int p = 0; p < batch.rollouts().size(); p++) {
            PromptRollout rollout = batch.rollouts().get(p);
            int[] prompt = rollout.spec().promptTokens();
            for (int s = 0; s < rollout.samples().size(); s++) {
                RolloutSample sample = rollout.samples().get(s);
                int[] sequence = new int[prompt.length + sample.tokens().length];
                System.arraycopy(prompt, 0, sequence, 0, prompt.length);
                System.arraycopy(sample.tokens(), 0, sequence, prompt.length, sample.tokens().length);
                int[] nodes = batch.trees().get(p).trajectories().get(s).tokenNode();
                int[] macro = new int[nodes.length];
                for (int i = 0; i < nodes.length; i++) {
                    macro[i] = macroBase + nodes[i];
                }
                rows.add(new TrainingRow(sequence, prompt.length, sample.policyMask(), rollout.oldLogProbs().get(s),
                        batch.advantages()[p][s], macro));
            }
            macroBase += batch.trees().get(p).nodes().size();
        }
        return rows;
    }

    /** Number of generated tokens. */
    public int generated() {
        return policyMask.length;
    }
}
