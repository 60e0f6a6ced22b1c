package io.cleave.rollout.segment;

import java.util.Objects;

/**
 * What a segmenter sees of one trajectory: its generated tokens, all arrays of the same length {@code L}.
 *
 * @param tokens     token ids, {@code (L)}
 * @param policyMask {@code true} where the policy produced the token, {@code false} for environment (tool-result)
 *                   tokens, {@code (L)}
 * @param entropy    per-token entropy of the policy's distribution (0 on environment tokens), {@code (L)}
 * @param tokenText  decoded text of each token, {@code (L)}; concatenated they give the trajectory's text
 */
public record SegmentInput(int[] tokens, boolean[] policyMask, float[] entropy, String[] tokenText) {

    /** Checks that no array is null and that all have the same length. */
    public SegmentInput {
        Objects.requireNonNull(tokens, "tokens");
        Objects.requireNonNull(policyMask, "policyMask");
        Objects.requireNonNull(entropy, "entropy");
        Objects.requireNonNull(tokenText, "tokenText");
        int n = tokens.length;
        if (policyMask.length != n || entropy.length != n || tokenText.length != n) {
            throw new IllegalArgumentException("segment input arrays differ in length: tokens " + n + ", policyMask "
                    + policyMask.length + ", entropy " + entropy.length + ", tokenText " + tokenText.length);
        }
        for (int i = 0; i < n; i++) {
            if (tokenText[i] == null) {
                throw new IllegalArgumentException("tokenText[" + i + "] is null");
            }
        }
    }

    /** Number of generated tokens {@code L}. */
    public int length() {
        return tokens.length;
    }
}
