package io.cleave.rollout.branch;

import java.util.Objects;

/**
 * A place where a path could branch, as the rollout engine reports it.
 *
 * @param kind         {@link Kind#TOOL_RESULT} right after a tool result was appended, or {@link Kind#MACRO_STATE}
 *                     at a macro-action boundary chosen by the segmenter
 * @param leaves       the prompt's paths so far (finished and active), which count against the budget M
 * @param startEntropy normalised entropies (divided by log|V|) of the first generated tokens of the trajectory
 *                     (at least the first k when available); empty at a macro-state
 * @param afterEntropy normalised entropies of the tokens generated right after the tool result (the first k); empty
 *                     at a macro-state
 */
public record BranchPoint(Kind kind, int leaves, float[] startEntropy, float[] afterEntropy) {

    /** Where the branch point lies. */
    public enum Kind {
        /** Right after a tool result (ARPO). */
        TOOL_RESULT,
        /** At a macro-action boundary chosen by the segmenter (boundary beaming). */
        MACRO_STATE
    }

    /** Checks the fields. */
    public BranchPoint {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(startEntropy, "startEntropy");
        Objects.requireNonNull(afterEntropy, "afterEntropy");
        if (leaves < 0) {
            throw new IllegalArgumentException("leaves must be >= 0, got " + leaves);
        }
    }

    /** A point right after a tool result. */
    public static BranchPoint afterToolResult(int leaves, float[] startEntropy, float[] afterEntropy) {
        return new BranchPoint(Kind.TOOL_RESULT, leaves, startEntropy, afterEntropy);
    }

    /** A point at a macro-action boundary. */
    public static BranchPoint atMacroState(int leaves) {
        return new BranchPoint(Kind.MACRO_STATE, leaves, new float[0], new float[0]);
    }
}
