package io.cleave.rollout.segment;

/**
 * Parameters of the {@code entropy} segmenter: cut before the {@code topQ} fraction of highest-entropy policy tokens,
 * and before every policy token whose entropy exceeds {@code threshold}; the two rules combine by union.
 *
 * @param topQ      fraction in [0, 1] of policy tokens (rounded up) that open a macro-action; 0 turns the rule off
 *                  (key {@code segmenter.entropy-top-q})
 * @param threshold entropy above which a policy token opens a macro-action, &gt; 0; positive infinity turns the rule
 *                  off (key {@code segmenter.entropy-threshold})
 */
public record EntropyCutParams(double topQ, double threshold) {

    /** Default: the 20% highest-entropy policy tokens open macro-actions, no absolute threshold. */
    public static EntropyCutParams defaults() {
        return new EntropyCutParams(0.2, Double.POSITIVE_INFINITY);
    }

    /** Validates both ranges; at least one rule must be on. */
    public EntropyCutParams {
        if (!(topQ >= 0 && topQ <= 1)) {
            throw new IllegalArgumentException("segmenter.entropy-top-q must be in [0, 1], got " + topQ);
        }
        if (!(threshold > 0)) {
            throw new IllegalArgumentException(
                    "segmenter.entropy-threshold must be > 0 (or infinity for off), got " + threshold);
        }
        if (topQ == 0 && threshold == Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException("segmenter.entropy-top-q is 0 and segmenter.entropy-threshold is "
                    + "infinity: at least one entropy cut rule must be on");
        }
    }
}
