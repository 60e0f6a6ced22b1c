package io.cleave.algo.advantage;

import io.cleave.rollout.tree.TrajectoryTree;
import java.util.Objects;

/**
 * One prompt group to estimate advantages for: the unit an estimator works on, in one process or in a Spark
 * {@code groupBy(iteration, promptId)} on an executor.
 *
 * @param tree    the group's trajectory tree
 * @param oldLogp per trajectory, the sampling policy's log-prob of every generated token {@code [trajectory](L)}, or
 *                null when not needed
 * @param refLogp same shape for the frozen reference policy, or null
 * @param klCoef  coefficient of the per-token KL penalty folded into the reward ({@code reinforce++} only),
 *                &gt;= 0; when &gt; 0 both log-prob arrays are required
 */
public record AdvantageGroup(TrajectoryTree tree, float[][] oldLogp, float[][] refLogp, double klCoef) {

    /** Checks the coefficient and that log-probs, when given, have one value per token of every trajectory. */
    public AdvantageGroup {
        Objects.requireNonNull(tree, "tree");
        checkKlCoef(klCoef, oldLogp != null && refLogp != null);
        checkShape("oldLogp", oldLogp, tree);
        checkShape("refLogp", refLogp, tree);
    }

    /** A group without log-probs and without a reward KL penalty. */
    public static AdvantageGroup of(TrajectoryTree tree) {
        return new AdvantageGroup(tree, null, null, 0);
    }

    /**
     * The coefficient of a reward KL penalty, checked.
     *
     * @throws IllegalArgumentException when {@code klCoef} is negative or not finite
     */
    public static double checkedKlCoef(double klCoef) {
        if (!(klCoef >= 0) || Double.isInfinite(klCoef)) {
            throw new IllegalArgumentException("klCoef must be finite and >= 0, got " + klCoef);
        }
        return klCoef;
    }

    /** @throws IllegalArgumentException for a bad {@code klCoef}, or one &gt; 0 without log-probs */
    static void checkKlCoef(double klCoef, boolean hasLogProbs) {
        if (checkedKlCoef(klCoef) > 0 && !hasLogProbs) {
            throw new IllegalArgumentException("klCoef " + klCoef + " > 0 needs both oldLogp and refLogp");
        }
    }

    private static void checkShape(String field, float[][] logp, TrajectoryTree tree) {
        if (logp == null) {
            return;
        }
        if (logp.length != tree.size()) {
            throw new IllegalArgumentException(field + " has " + logp.length + " trajectories, expected "
                    + tree.size());
        }
        for (int i = 0; i < logp.length; i++) {
            int expected = tree.trajectories().get(i).length();
            if (logp[i] == null || logp[i].length != expected) {
                throw new IllegalArgumentException(field + " of trajectory " + i + " must have " + expected
                        + " values");
            }
        }
    }
}
