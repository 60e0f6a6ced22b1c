package io.cleave.algo.advantage;

import io.cleave.rollout.tree.TrajectoryTree;
import java.util.List;
import java.util.Objects;

/**
 * A batch of prompt groups to estimate advantages for.
 *
 * @param groups  one trajectory tree per prompt
 * @param oldLogp per group, per trajectory, the sampling policy's log-prob of every generated token
 *                {@code [group][trajectory](L)}, or null when not needed
 * @param refLogp same shape for the frozen reference policy, or null
 * @param klCoef  coefficient of the per-token KL penalty folded into the reward ({@code reinforce++} only),
 *                &gt;= 0; when &gt; 0 both log-prob lists are required
 */
public record AdvantageInput(List<TrajectoryTree> groups, List<float[][]> oldLogp, List<float[][]> refLogp,
                             double klCoef) {

    /** Copies the list and checks that log-probs, when given, match the trees' shapes. */
    public AdvantageInput {
        groups = List.copyOf(Objects.requireNonNull(groups, "groups"));
        if (!(klCoef >= 0) || Double.isInfinite(klCoef)) {
            throw new IllegalArgumentException("klCoef must be finite and >= 0, got " + klCoef);
        }
        if (klCoef > 0 && (oldLogp == null || refLogp == null)) {
            throw new IllegalArgumentException("klCoef " + klCoef + " > 0 needs both oldLogp and refLogp");
        }
        checkShape("oldLogp", oldLogp, groups);
        checkShape("refLogp", refLogp, groups);
    }

    /** A batch without log-probs and without a reward KL penalty. */
    public static AdvantageInput of(List<TrajectoryTree> groups) {
        return new AdvantageInput(groups, null, null, 0);
    }

    private static void checkShape(String field, List<float[][]> logp, List<TrajectoryTree> groups) {
        if (logp == null) {
            return;
        }
        if (logp.size() != groups.size()) {
            throw new IllegalArgumentException(field + " has " + logp.size() + " groups, expected " + groups.size());
        }
        for (int g = 0; g < groups.size(); g++) {
            TrajectoryTree tree = groups.get(g);
            float[][] rows = Objects.requireNonNull(logp.get(g), field + " of group " + g);
            if (rows.length != tree.size()) {
                throw new IllegalArgumentException(field + " of group " + g + " has " + rows.length
                        + " trajectories, expected " + tree.size());
            }
            for (int i = 0; i < rows.length; i++) {
                int expected = tree.trajectories().get(i).length();
                if (rows[i] == null || rows[i].length != expected) {
                    throw new IllegalArgumentException(field + " of group " + g + ", trajectory " + i
                            + " must have " + expected + " values");
                }
            }
        }
    }
}
