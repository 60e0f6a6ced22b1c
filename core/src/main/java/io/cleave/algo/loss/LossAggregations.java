package io.cleave.algo.loss;

import io.cleave.registry.Registry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * The loss-aggregation registry. With {@code m} the mask, S the number of rows holding at least one policy token and
 * {@code n_b} the policy tokens of row b:
 * <ul>
 *   <li>{@code token-mean}: {@code w = m / sum(m)}, every policy token of the batch counts the same (DAPO);</li>
 *   <li>{@code seq-mean-token-mean}: {@code w = m / (n_b * S)}, the mean over tokens within a sequence, then the
 *       mean over sequences (GRPO);</li>
 *   <li>{@code seq-mean-token-sum}: {@code w = m / S}, the sum over tokens within a sequence, mean over
 *       sequences;</li>
 *   <li>{@code macro-action-mean}: {@code w = m / (n_{b,a} * A)}, the mean token loss within each macro-action
 *       {@code (b, a)} (a row's tokens with id a), then the mean over the A macro-actions holding policy tokens in
 *       the batch. A macro-action shared by several rows of a tree counts once per row.</li>
 * </ul>
 * With no policy token at all every weight is 0.
 */
public final class LossAggregations {

    private static final Registry<LossAggregation> REGISTRY = new Registry<>("loss aggregation", Map.of(
            "token-mean", new Mode("token-mean", LossAggregations::tokenMean),
            "seq-mean-token-mean", new Mode("seq-mean-token-mean", (m, ids) -> perSequence(m, true)),
            "seq-mean-token-sum", new Mode("seq-mean-token-sum", (m, ids) -> perSequence(m, false)),
            "macro-action-mean", new Mode("macro-action-mean", LossAggregations::macroActionMean)));

    private LossAggregations() {}

    /** Registered names, sorted. */
    public static List<String> names() {
        return REGISTRY.names();
    }

    /**
     * The mode registered under {@code name}.
     *
     * @throws IllegalArgumentException for an unknown name (the message lists the known ones)
     */
    public static LossAggregation get(String name) {
        return REGISTRY.get(name);
    }

    /** A registered mode: its name and its weight function. */
    private record Mode(String name, BiFunction<boolean[][], int[][], float[][]> function)
            implements LossAggregation {

        @Override
        public float[][] weights(boolean[][] mask, int[][] macroActionIds) {
            return function.apply(mask, macroActionIds);
        }
    }

    private static float[][] tokenMean(boolean[][] mask, int[][] ids) {
        long total = 0;
        for (boolean[] row : mask) {
            total += count(row);
        }
        float[][] w = new float[mask.length][];
        for (int b = 0; b < mask.length; b++) {
            w[b] = fill(mask[b], total == 0 ? 0 : 1.0 / total);
        }
        return w;
    }

    private static float[][] perSequence(boolean[][] mask, boolean meanWithinSequence) {
        int sequences = 0;
        for (boolean[] row : mask) {
            sequences += count(row) > 0 ? 1 : 0;
        }
        float[][] w = new float[mask.length][];
        for (int b = 0; b < mask.length; b++) {
            int n = count(mask[b]);
            double per = n == 0 ? 0 : 1.0 / sequences / (meanWithinSequence ? n : 1);
            w[b] = fill(mask[b], per);
        }
        return w;
    }

    private static float[][] macroActionMean(boolean[][] mask, int[][] ids) {
        if (ids == null) {
            throw new IllegalArgumentException("macro-action-mean aggregation needs macro-action ids");
        }
        List<Map<Integer, Integer>> sizes = new ArrayList<>(mask.length);
        long actions = 0;
        for (int b = 0; b < mask.length; b++) {
            Map<Integer, Integer> size = new HashMap<>();
            for (int t = 0; t < mask[b].length; t++) {
                if (mask[b][t]) {
                    size.merge(ids[b][t], 1, Integer::sum);
                }
            }
            actions += size.size();
            sizes.add(size);
        }
        float[][] w = new float[mask.length][];
        for (int b = 0; b < mask.length; b++) {
            w[b] = new float[mask[b].length];
            for (int t = 0; t < mask[b].length; t++) {
                if (mask[b][t]) {
                    w[b][t] = (float) (1.0 / actions / sizes.get(b).get(ids[b][t]));
                }
            }
        }
        return w;
    }

    private static int count(boolean[] row) {
        int n = 0;
        for (boolean m : row) {
            n += m ? 1 : 0;
        }
        return n;
    }

    private static float[] fill(boolean[] row, double value) {
        float[] w = new float[row.length];
        for (int t = 0; t < row.length; t++) {
            w[t] = row[t] ? (float) value : 0f;
        }
        return w;
    }
}
