package io.cleave.rollout.tree;

import io.cleave.rollout.segment.SegmentInput;

/**
 * One finished rollout of a prompt as the rollout engine hands it over; all arrays have the generated length L.
 *
 * @param tokens       generated token ids (prompt excluded), {@code (L)}
 * @param policyMask   {@code true} where the policy produced the token, {@code false} for tool-result text,
 *                     {@code (L)}
 * @param entropy      per-token entropy of the policy (0 on tool-result tokens), {@code (L)}
 * @param tokenText    decoded text of each token, {@code (L)}
 * @param parentSample index (in the prompt's sample list) of the sample this one was branched from, -1 if it was
 *                     sampled independently
 * @param branchPos    number of leading generated tokens shared with the parent sample (0 when independent)
 * @param reward       the trajectory's scalar reward
 */
public record RolloutSample(int[] tokens, boolean[] policyMask, float[] entropy, String[] tokenText,
                            int parentSample, int branchPos, double reward) {

    /** Checks array lengths, the branch fields and that the reward is finite. */
    public RolloutSample {
        new SegmentInput(tokens, policyMask, entropy, tokenText);
        if (parentSample < -1) {
            throw new IllegalArgumentException("parentSample must be >= -1, got " + parentSample);
        }
        if (parentSample == -1 && branchPos != 0) {
            throw new IllegalArgumentException("branchPos must be 0 for an independent sample, got " + branchPos);
        }
        if (branchPos < 0 || (parentSample >= 0 && branchPos >= tokens.length)) {
            throw new IllegalArgumentException("branchPos must be in [0, " + tokens.length
                    + ") (a branch generates at least one token), got " + branchPos);
        }
        if (!Double.isFinite(reward)) {
            throw new IllegalArgumentException("reward must be finite, got " + reward);
        }
    }

    /** An independent sample (no parent). */
    public static RolloutSample independent(int[] tokens, boolean[] policyMask, float[] entropy, String[] tokenText,
                                            double reward) {
        return new RolloutSample(tokens, policyMask, entropy, tokenText, -1, 0, reward);
    }

    /** Number of generated tokens L. */
    public int length() {
        return tokens.length;
    }

    /** This sample as a segmenter sees it. */
    public SegmentInput segmentInput() {
        return new SegmentInput(tokens, policyMask, entropy, tokenText);
    }

    /** Whether the sample was branched from another one. */
    public boolean isBranch() {
        return parentSample >= 0;
    }
}
