package io.cleave.train.update;

import io.cleave.algo.loss.LossAggregation;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One minibatch of the update with its loss-aggregation weights computed once over all of its rows, so that the
 * global normalisers (policy tokens, sequences or macro-actions of the whole minibatch) hold for every part of it:
 * with {@code w} these weights, the minibatch loss is {@code sum_rows sum_t w[r][t] * l[r][t]}, and the losses,
 * hence the gradients, of disjoint row ranges ({@link #shard}) sum to the minibatch's.
 *
 * @param rows the minibatch's rows in order, each with its weights
 */
public record MinibatchPlan(List<WeightedSequence> rows) {

    /** Copies the row list. */
    public MinibatchPlan {
        rows = List.copyOf(rows);
    }

    /** Weighs {@code rows} (one minibatch, in order) with {@code aggregation} over all of them. */
    public static MinibatchPlan of(List<TrainingSequence> rows, LossAggregation aggregation) {
        SequenceBatch batch = SequenceBatch.of(rows);
        float[][] weights = aggregation.weights(batch.policyMask(), batch.macroActions()); // (B, width)
        List<WeightedSequence> weighted = new ArrayList<>(rows.size());
        for (int b = 0; b < rows.size(); b++) {
            weighted.add(new WeightedSequence(rows.get(b),
                    Arrays.copyOf(weights[b], rows.get(b).sequence().length - 1)));
        }
        return new MinibatchPlan(weighted);
    }

    /** Rows {@code [from, to)} of the minibatch. */
    public List<WeightedSequence> shard(int from, int to) {
        return rows.subList(from, to);
    }

    /** Number of rows. */
    public int size() {
        return rows.size();
    }
}
