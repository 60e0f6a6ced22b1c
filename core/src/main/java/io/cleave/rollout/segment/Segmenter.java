package io.cleave.rollout.segment;

/**
 * Cuts one trajectory's generated tokens into macro-actions.
 *
 * <p>The result is the sorted, strictly increasing list of cut positions: the start index of every macro-action
 * after the first (the first always starts at 0), each in {@code (0, L)}. A cut never falls on an environment
 * (tool-result) token: those tokens belong to the macro-action that precedes them.
 */
public interface Segmenter {

    /** The registry name of this segmenter. */
    String name();

    /** Sorted cut positions in {@code (0, L)}, none on an environment token. */
    int[] cuts(SegmentInput input);

    /**
     * Whether every trajectory is a single macro-action whatever it shares with others ({@code sequence}, K = 1).
     * The tree builder then gives every trajectory its own root-level node, so branched trajectories share no node:
     * the macro-state of a whole output is always the bare prompt.
     */
    default boolean oneActionPerOutput() {
        return false;
    }
}
