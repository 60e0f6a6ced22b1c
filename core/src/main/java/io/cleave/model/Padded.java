package io.cleave.model;

/**
 * Sequences of different lengths laid out right-padded in one {@code (B, T)} block, with rotary positions
 * {@code 0..len-1} (padding repeats the last position) and a {@code (B, T-1)} flag of which next-token targets
 * are real.
 */
record Padded(long[] tokens, long[] positions, int[] lengths, int rows, int width) {

    static Padded of(int[][] sequences, int padId, int maxPositions) {
        int b = sequences.length;
        int t = 0;
        int[] lengths = new int[b];
        for (int i = 0; i < b; i++) {
            lengths[i] = sequences[i].length;
            if (lengths[i] == 0) {
                throw new IllegalArgumentException("sequence " + i + " is empty");
            }
            if (lengths[i] > maxPositions) {
                throw new IllegalArgumentException("sequence " + i + " has " + lengths[i]
                        + " tokens, more than max_position_embeddings " + maxPositions);
            }
            t = Math.max(t, lengths[i]);
        }
        long[] tokens = new long[b * t];
        long[] positions = new long[b * t];
        for (int i = 0; i < b; i++) {
            for (int j = 0; j < t; j++) {
                tokens[i * t + j] = j < lengths[i] ? sequences[i][j] : padId;
                positions[i * t + j] = Math.min(j, lengths[i] - 1);
            }
        }
        return new Padded(tokens, positions, lengths, b, t);
    }

    /** 1 where position {@code j + 1} of row {@code i} is a real token, {@code (B, T-1)} row-major. */
    float[] nextTokenValid() {
        float[] valid = new float[rows * (width - 1)];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j + 1 < lengths[i]; j++) {
                valid[i * (width - 1) + j] = 1f;
            }
        }
        return valid;
    }
}
