package io.cleave.algo.advantage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TokenMomentsTest {

    private static boolean[] all(int n) {
        boolean[] mask = new boolean[n];
        Arrays.fill(mask, true);
        return mask;
    }

    @Test
    void meanAndUnbiasedVarianceOverPolicyTokensOnly() {
        // policy values 1, 2, 4: mean 7/3, squared deviations 16/9 + 1/9 + 25/9 = 42/9, divided by 2 -> 7/3
        TokenMoments m = TokenMoments.of(new double[] {1, 100, 2, 4}, new boolean[] {true, false, true, true});
        assertEquals(3, m.count());
        assertEquals(7.0 / 3, m.mean(), 0);
        assertEquals(7.0 / 3, m.unbiasedVariance(), 0);
        assertEquals(0, TokenMoments.ZERO.mean(), 0);
        assertEquals(0, TokenMoments.of(new double[] {5}, all(1)).unbiasedVariance(), 0, "one token");
        assertEquals(5, TokenMoments.of(new double[] {5}, all(1)).mean(), 0);
    }

    @Test
    void exactSumsDoNotDependOnSplitOrOrder() {
        // Left to right in doubles, 1e16 + 1 - 1e16 + 1 is 1 (the first 1 is lost); exactly it is 2.
        double[] cancelling = {1e16, 1, -1e16, 1};
        double naive = 0;
        for (double v : cancelling) {
            naive += v;
        }
        assertEquals(1, naive, 0);
        assertEquals(0.5, TokenMoments.of(cancelling, all(4)).mean(), 0);

        Random random = new Random(3);
        double[] values = new double[400];
        for (int t = 0; t < values.length; t++) {
            values[t] = random.nextGaussian() * Math.pow(10, random.nextInt(12) - 4);
        }
        TokenMoments whole = TokenMoments.of(values, all(values.length));
        List<double[]> parts = new ArrayList<>();
        for (int from = 0; from < values.length; ) {
            int to = Math.min(values.length, from + 1 + random.nextInt(40));
            parts.add(Arrays.copyOfRange(values, from, to));
            from = to;
        }
        Collections.shuffle(parts, random);
        TokenMoments merged = TokenMoments.ZERO;
        double naiveMerged = 0;
        for (double[] part : parts) {
            merged = merged.plus(TokenMoments.of(part, all(part.length)));
            for (double v : part) {
                naiveMerged += v;
            }
        }
        double naiveWhole = 0;
        for (double v : values) {
            naiveWhole += v;
        }
        assertNotEquals(naiveWhole, naiveMerged, "double sums of these values depend on the order");
        assertEquals(whole.count(), merged.count());
        assertEquals(Double.doubleToRawLongBits(whole.mean()), Double.doubleToRawLongBits(merged.mean()));
        assertEquals(Double.doubleToRawLongBits(whole.unbiasedVariance()),
                Double.doubleToRawLongBits(merged.unbiasedVariance()));
        double mean = naiveWhole / values.length;
        double sq = 0;
        for (double v : values) {
            sq += (v - mean) * (v - mean);
        }
        assertEquals(mean, whole.mean(), 1e-9 * Math.abs(mean) + 1e-12);
        assertEquals(sq / (values.length - 1), whole.unbiasedVariance(), 1e-12 * sq / values.length);
    }

    @Test
    void nonFiniteValuesGiveNonFiniteStatistics() {
        TokenMoments m = TokenMoments.of(new double[] {1, Double.POSITIVE_INFINITY}, all(2));
        assertEquals(Double.POSITIVE_INFINITY, m.mean());
        assertTrue(Double.isNaN(m.unbiasedVariance()));
        TokenMoments both = m.plus(TokenMoments.of(new double[] {Double.NEGATIVE_INFINITY}, all(1)));
        assertTrue(Double.isNaN(both.mean()));
        float[] a = TokenWhitening.of(both).apply(new double[] {1, 2}, all(2));
        assertTrue(Float.isNaN(a[0]) && Float.isNaN(a[1]), "a non-finite batch gives non-finite advantages");
    }

    @Test
    void whiteningCentresScalesAndZeroesToolResults() {
        TokenMoments m = TokenMoments.of(new double[] {1, 3}, all(2));   // mean 2, var 2
        TokenWhitening w = TokenWhitening.of(m);
        assertEquals(new TokenWhitening(2, Math.sqrt(2)), w);
        assertArrayEquals(new float[] {(float) (-1 / Math.sqrt(2)), 0, (float) (2 / Math.sqrt(2))},
                w.apply(new double[] {1, 7, 4}, new boolean[] {true, false, true}));
        // equal values: the variance floor 1e-8 gives scale 1e-4
        assertEquals(1e-4, TokenWhitening.of(TokenMoments.of(new double[] {3, 3}, all(2))).scale(), 1e-18);
        double[] values = {0.1, -0.0, 1e-30, 123.456};
        float[] identity = TokenWhitening.IDENTITY.apply(values, new boolean[] {true, true, true, false});
        assertArrayEquals(new float[] {0.1f, -0.0f, 1e-30f, 0}, identity);
        assertEquals(Float.floatToRawIntBits(-0.0f), Float.floatToRawIntBits(identity[1]));
    }
}
