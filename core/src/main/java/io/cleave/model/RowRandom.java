package io.cleave.model;

import java.util.SplittableRandom;

/**
 * Per-row random streams: row {@code r} of a generation with seed {@code s} always draws the same uniforms,
 * whatever other rows share its batch.
 */
public final class RowRandom {

    private final SplittableRandom[] streams;

    /** Streams for rows {@code 0..rows-1}, each seeded from {@code (seed, row)}. */
    public RowRandom(long seed, int rows) {
        streams = new SplittableRandom[rows];
        for (int r = 0; r < rows; r++) {
            streams[r] = new SplittableRandom(mix(seed, r));
        }
    }

    /** Replaces row {@code row}'s stream with one seeded from {@code streamSeed}. */
    public void reseed(int row, long streamSeed) {
        streams[row] = new SplittableRandom(streamSeed);
    }

    /** The next uniform in [0, 1) of every row. */
    public float[] next() {
        float[] u = new float[streams.length];
        for (int r = 0; r < u.length; r++) {
            u[r] = (float) streams[r].nextDouble();
        }
        return u;
    }

    /** SplitMix64 finaliser over a seed and an index. */
    public static long mix(long seed, long index) {
        long z = seed + 0x9E3779B97F4A7C15L * (index + 1);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
