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

    /** Copies the list and checks every group ({@link AdvantageGroup}'s checks, naming the group). */
    public AdvantageInput {
        groups = List.copyOf(Objects.requireNonNull(groups, "groups"));
        AdvantageGroup.checkKlCoef(klCoef, oldLogp != null && refLogp != null);
        checkCount("oldLogp", oldLogp, groups.size());
        checkCount("refLogp", refLogp, groups.size());
        for (int g = 0; g < groups.size(); g++) {
            try {
                group(groups, oldLogp, refLogp, klCoef, g);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("group " + g + ": " + e.getMessage(), e);
            }
        }
    }

    /** A batch without log-probs and without a reward KL penalty. */
    public static AdvantageInput of(List<TrajectoryTree> groups) {
        return new AdvantageInput(groups, null, null, 0);
    }

    /** Group {@code g} with its log-probs and the batch's {@code klCoef}. */
    public AdvantageGroup group(int g) {
        return group(groups, oldLogp, refLogp, klCoef, g);
    }

    private static AdvantageGroup group(List<TrajectoryTree> groups, List<float[][]> oldLogp,
            List<float[][]> refLogp, double klCoef, int g) {
        return new AdvantageGroup(groups.get(g), oldLogp == null ? null : oldLogp.get(g),
                refLogp == null ? null : refLogp.get(g), klCoef);
    }

    private static void checkCount(String field, List<float[][]> logp, int groups) {
        if (logp != null && logp.size() != groups) {
            throw new IllegalArgumentException(field + " has " + logp.size() + " groups, expected " + groups);
        }
    }
}
