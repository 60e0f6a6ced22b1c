package io.cleave.algo.advantage;

import java.io.Serializable;
import java.math.BigDecimal;
import java.math.MathContext;

/**
 * Count, sum and sum of squares of per-token values over the policy tokens of a batch, summed exactly.
 *
 * <p>The sums are exact ({@link BigDecimal} holds every double and every product of two doubles without rounding),
 * so the result does not depend on how the batch is split into parts or in which order the parts are
 * {@link #plus added}: one process and a Spark aggregate over any partitioning give the same bits. Only
 * {@link #mean()} and {@link #unbiasedVariance()} round, once each:
 * <pre>
 *   mean = S1 / n                               S1 = sum x_t,  S2 = sum x_t^2,  n = count
 *   var  = (n * S2 - S1^2) / (n * (n - 1))       0 for n &lt; 2
 * </pre>
 * A non-finite value (an overflowed reward) makes the mean non-finite and the variance NaN.
 * Immutable and serializable (it travels as a Spark task result).
 */
public final class TokenMoments implements Serializable {

    private static final long serialVersionUID = 1L;

    /** No tokens. */
    public static final TokenMoments ZERO = new TokenMoments(0, BigDecimal.ZERO, BigDecimal.ZERO, 0);

    private final long count;
    private final BigDecimal sum;
    private final BigDecimal sumOfSquares;
    /** The sum of the non-finite values only: 0 when there is none, else infinite or NaN. */
    private final double nonFinite;

    private TokenMoments(long count, BigDecimal sum, BigDecimal sumOfSquares, double nonFinite) {
        this.count = count;
        this.sum = sum;
        this.sumOfSquares = sumOfSquares;
        this.nonFinite = nonFinite;
    }

    /** The moments of {@code values} {@code (L)} at the positions where {@code policyMask} {@code (L)} is true. */
    public static TokenMoments of(double[] values, boolean[] policyMask) {
        long count = 0;
        BigDecimal sum = BigDecimal.ZERO;
        BigDecimal sumOfSquares = BigDecimal.ZERO;
        double nonFinite = 0;
        for (int t = 0; t < values.length; t++) {
            if (!policyMask[t]) {
                continue;
            }
            count++;
            if (Double.isFinite(values[t])) {
                BigDecimal x = new BigDecimal(values[t]);
                sum = sum.add(x);
                sumOfSquares = sumOfSquares.add(x.multiply(x));
            } else {
                nonFinite += values[t];
            }
        }
        return new TokenMoments(count, sum, sumOfSquares, nonFinite);
    }

    /** The moments of both parts together. */
    public TokenMoments plus(TokenMoments other) {
        return new TokenMoments(count + other.count, sum.add(other.sum), sumOfSquares.add(other.sumOfSquares),
                nonFinite + other.nonFinite);
    }

    /** Number of policy tokens. */
    public long count() {
        return count;
    }

    /** The mean value, 0 without tokens. */
    public double mean() {
        if (nonFinite != 0) { // an infinite or NaN value was seen
            return nonFinite;
        }
        return count == 0 ? 0 : sum.divide(BigDecimal.valueOf(count), MathContext.DECIMAL128).doubleValue();
    }

    /** The unbiased variance (divisor n - 1), 0 for fewer than two tokens. */
    public double unbiasedVariance() {
        if (nonFinite != 0) { // an infinite or NaN value was seen
            return Double.NaN;
        }
        if (count < 2) {
            return 0;
        }
        BigDecimal n = BigDecimal.valueOf(count);
        BigDecimal centred = n.multiply(sumOfSquares).subtract(sum.multiply(sum));
        return centred.divide(n.multiply(BigDecimal.valueOf(count - 1)), MathContext.DECIMAL128).doubleValue();
    }
}
