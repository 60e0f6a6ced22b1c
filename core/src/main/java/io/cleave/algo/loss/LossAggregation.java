package io.cleave.algo.loss;

/**
 * How per-token losses combine into one scalar: per-token weights, so that {@code loss = sum(weights * tokenLoss)}.
 * Weights are 0 wherever the mask is false.
 */
public interface LossAggregation {

    /** The registry name. */
    String name();

    /**
     * Per-token weights {@code (B, T)}.
     *
     * @param mask           {@code (B, T)} true on policy tokens
     * @param macroActionIds {@code (B, T)} macro-action id of each token (only read on policy tokens; ids are per
     *                       row), or null when the mode does not need them
     */
    float[][] weights(boolean[][] mask, int[][] macroActionIds);
}
