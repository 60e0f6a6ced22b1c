package io.cleave.algo.filter;

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
}
