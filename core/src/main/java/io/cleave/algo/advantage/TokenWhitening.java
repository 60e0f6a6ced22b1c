package io.cleave.algo.advantage;

import java.io.Serializable;

/**
 * Whitening of per-token values with batch statistics, {@code A_t = (x_t - mean) / scale} on policy tokens and 0 on
 * tool-result tokens, then rounded to float.
 *
 * @param mean  subtracted from every value
 * @param scale divides every centred value
 */
public record TokenWhitening(double mean, double scale) implements Serializable {

    /** Floor of the variance before the square root, so a batch of equal values does not divide by 0. */
    public static final double VAR_FLOOR = 1e-8;

    /** Mean 0, scale 1: the values themselves, as floats (for the estimators that do not whiten). */
    public static final TokenWhitening IDENTITY = new TokenWhitening(0, 1);

    /** The batch's whitening: its mean, and {@code scale = sqrt(max(var, 1e-8))} with the unbiased variance. */
    public static TokenWhitening of(TokenMoments moments) {
        return new TokenWhitening(moments.mean(), Math.sqrt(Math.max(moments.unbiasedVariance(), VAR_FLOOR)));
    }

    /** The advantages {@code (L)} of one trajectory's values {@code (L)}, 0 where {@code policyMask} is false. */
    public float[] apply(double[] values, boolean[] policyMask) {
        float[] out = new float[values.length];
        for (int t = 0; t < out.length; t++) {
            out[t] = policyMask[t] ? (float) ((values[t] - mean) / scale) : 0f;
        }
        return out;
    }
}
