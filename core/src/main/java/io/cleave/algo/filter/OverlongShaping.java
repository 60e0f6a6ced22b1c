package io.cleave.algo.filter;

/**
 * DAPO's soft overlong punishment, added to the reward of a response of {@code len} generated tokens:
 * <pre>
 *   penalty(len) = 0                                   if len &lt;= Lmax - Lbuf
 *                = -(len - (Lmax - Lbuf)) / Lbuf         if Lmax - Lbuf &lt; len &lt;= Lmax   (in [-1, 0))
 *                = -1                                  if len &gt; Lmax
 * </pre>
 * i.e. {@code min(-(len - (Lmax - Lbuf)) / Lbuf, 0)} inside the buffer, capped at -1 beyond Lmax as in the DAPO
 * paper.
 *
 * @param maxLength Lmax, the generation limit (key {@code overlong.max-length}), &gt;= 1
 * @param buffer    Lbuf, the length of the punishment ramp (key {@code overlong.buffer}), in [1, Lmax]
 */
public record OverlongShaping(int maxLength, int buffer) {

    /** Validates both lengths. */
    public OverlongShaping {
        if (maxLength < 1) {
            throw new IllegalArgumentException("overlong.max-length must be >= 1, got " + maxLength);
        }
        if (buffer < 1 || buffer > maxLength) {
            throw new IllegalArgumentException("overlong.buffer must be in [1, overlong.max-length = " + maxLength
                    + "], got " + buffer);
        }
    }

    /** The penalty for a response of {@code length} generated tokens, in [-1, 0]. */
    public double penalty(int length) {
        int start = maxLength - buffer;
        if (length <= start) {
            return 0;
        }
        return Math.max(-1.0, -(double) (length - start) / buffer);
    }

    /** {@code reward + penalty(length)}. */
    public double shape(double reward, int length) {
        return reward + penalty(length);
    }
}
