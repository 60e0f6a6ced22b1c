package io.cleave.train.update;

import java.io.Serializable;
import java.util.Objects;

/**
 * A training row with its loss-aggregation weights, computed for the whole minibatch the row belongs to (see
 * {@link MinibatchPlan}): the row's per-token losses times these weights are its exact share of the minibatch
 * loss, wherever the row is scored.
 *
 * @param row     the row
 * @param weights aggregation weight per scored position of the row, {@code (sequence.length - 1)}; 0 off the
 *                policy tokens
 */
public record WeightedSequence(TrainingSequence row, float[] weights) implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Checks there is one weight per scored position. */
    public WeightedSequence {
        Objects.requireNonNull(row, "row");
        Objects.requireNonNull(weights, "weights");
        if (weights.length != row.sequence().length - 1) {
            throw new IllegalArgumentException("a row of " + row.sequence().length + " tokens needs "
                    + (row.sequence().length - 1) + " weights, got " + weights.length);
        }
    }
}
