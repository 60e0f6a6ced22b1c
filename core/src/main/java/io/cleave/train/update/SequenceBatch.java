package io.cleave.train.update;

import java.util.Arrays;
import java.util.List;

/**
 * Training rows laid out for scoring. Row b's generated token {@code i} is scored at position
 * {@code promptLength + i - 1}; every per-position array is {@code (B, width)} flattened row-major, with
 * {@code width} the longest sequence minus one, and holds 0 (ids: -1) off the generated tokens.
 *
 * @param sequences    token ids of each row
 * @param width        scored positions per row after padding
 * @param mask         1 on policy tokens, {@code (B, width)}
 * @param oldLogProbs  sampling log-probs, {@code (B, width)}
 * @param advantages   advantages, {@code (B, width)}
 * @param macroActions macro-action ids, {@code [B][width]}
 */
record SequenceBatch(int[][] sequences, int width, float[] mask, float[] oldLogProbs, float[] advantages,
        int[][] macroActions) {

    /** The layout of {@code rows} in their order. */
    static SequenceBatch of(List<TrainingSequence> rows) {
        int[][] sequences = new int[rows.size()][];
        int width = 0;
        for (int b = 0; b < sequences.length; b++) {
            sequences[b] = rows.get(b).sequence();
            width = Math.max(width, sequences[b].length - 1);
        }
        float[] mask = new float[sequences.length * width];
        float[] old = new float[mask.length];
        float[] adv = new float[mask.length];
        int[][] macro = new int[sequences.length][width];
        for (int b = 0; b < sequences.length; b++) {
            TrainingSequence row = rows.get(b);
            Arrays.fill(macro[b], -1);
            for (int i = 0; i < row.generated(); i++) {
                int pos = b * width + row.promptLength() + i - 1;
                mask[pos] = row.policyMask()[i] ? 1f : 0f;
                old[pos] = row.oldLogProbs()[i];
                adv[pos] = row.advantages()[i];
                macro[b][row.promptLength() + i - 1] = row.macroActions()[i];
            }
        }
        return new SequenceBatch(sequences, width, mask, old, adv, macro);
    }

    /** The policy mask as {@code [B][width]} booleans. */
    boolean[][] policyMask() {
        boolean[][] out = new boolean[sequences.length][width];
        for (int b = 0; b < sequences.length; b++) {
            for (int t = 0; t < width; t++) {
                out[b][t] = mask[b * width + t] > 0.5f;
            }
        }
        return out;
    }
}
