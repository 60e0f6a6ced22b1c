package io.cleave.bench;

/**
 * The workload both implementations run.
 *
 * @param preset model preset
 * @param batch rows decoded together
 * @param promptLength tokens in each prompt
 * @param newTokens tokens generated per row
 * @param trainBatch sequences per training step
 * @param trainLength tokens per training sequence
 * @param trainSteps timed training steps (after one warm-up)
 * @param threads intra-op threads of both implementations
 */
record BenchShape(String preset, int batch, int promptLength, int newTokens, int trainBatch, int trainLength,
        int trainSteps, int threads) {

    /** Deterministic token {@code i} of row {@code b}: shared by the Java and Python sides. */
    static int token(int b, int i) {
        return 3 + (i * 7 + b * 13) % 90;
    }

    /** Row {@code b} of a batch of {@code length}-token sequences. */
    static int[] sequence(int b, int length) {
        int[] ids = new int[length];
        for (int i = 0; i < length; i++) {
            ids[i] = token(b, i);
        }
        return ids;
    }
}
