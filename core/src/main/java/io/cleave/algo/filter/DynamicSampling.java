package io.cleave.algo.filter;

import java.util.List;
import java.util.stream.IntStream;

/**
 * DAPO's dynamic sampling filter: a prompt group whose rewards are all equal has zero advantage everywhere under
 * group-relative estimators and teaches nothing, so only groups with at least two different rewards are kept.
 */
public final class DynamicSampling {

    private DynamicSampling() {}

    /** Whether a group's rewards are not all equal (a group of one or none is never informative). */
    public static boolean informative(double[] rewards) {
        for (int i = 1; i < rewards.length; i++) {
            if (Double.compare(rewards[i], rewards[0]) != 0) {
                return true;
            }
        }
        return false;
    }

    /** Indices, ascending, of the groups to keep. */
    public static int[] kept(List<double[]> groupRewards) {
        return IntStream.range(0, groupRewards.size()).filter(g -> informative(groupRewards.get(g))).toArray();
    }
}
