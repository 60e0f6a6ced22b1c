package io.cleave.algo.advantage;

/**
 * Turns prompt groups into per-token advantages, in two steps that a distributed job can run apart:
 * <ol>
 *   <li>{@link #groupValues}: one prompt group at a time (a Spark {@code groupBy} runs it on the executors), the
 *       per-token values {@code [trajectory](L)};</li>
 *   <li>the batch step: for an estimator that {@link #whitensBatch() whitens over the batch}, the values of every
 *       policy token of the batch give one {@link TokenMoments} (an aggregate) and are whitened with it
 *       ({@link TokenWhitening}); for the others the values are the advantages ({@link TokenWhitening#IDENTITY}).</li>
 * </ol>
 * Advantages are 0 on every tool-result token. Estimators are stateless and thread-safe.
 */
public interface AdvantageEstimator {

    /** The registry name. */
    String name();

    /**
     * The per-token values of one group {@code [trajectory](L)}, 0 on tool-result tokens: the advantages
     * themselves, or for an estimator that {@link #whitensBatch() whitens} the values it whitens.
     */
    double[][] groupValues(AdvantageGroup group);

    /** Whether the group values are whitened over every policy token of the batch before they are advantages. */
    default boolean whitensBatch() {
        return false;
    }

    /**
     * Both steps over a whole batch in this process: per-token advantages {@code [group][trajectory](L)}, in the
     * input order.
     */
    default float[][][] estimate(AdvantageInput input) {
        int groups = input.groups().size();
        double[][][] values = new double[groups][][];
        TokenMoments moments = TokenMoments.ZERO;
        for (int g = 0; g < groups; g++) {
            values[g] = groupValues(input.group(g));
            for (int i = 0; whitensBatch() && i < values[g].length; i++) {
                moments = moments.plus(TokenMoments.of(values[g][i], policyMask(input, g, i)));
            }
        }
        TokenWhitening whitening = whitensBatch() ? TokenWhitening.of(moments) : TokenWhitening.IDENTITY;
        float[][][] out = new float[groups][][];
        for (int g = 0; g < groups; g++) {
            out[g] = new float[values[g].length][];
            for (int i = 0; i < values[g].length; i++) {
                out[g][i] = whitening.apply(values[g][i], policyMask(input, g, i));
            }
        }
        return out;
    }

    private static boolean[] policyMask(AdvantageInput input, int group, int trajectory) {
        return input.groups().get(group).trajectories().get(trajectory).policyMask();
    }
}
