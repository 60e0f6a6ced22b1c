package io.cleave.train.rl;

import io.cleave.train.metrics.IterationMetrics;
import java.util.List;

/**
 * Receives the {@link TrainingLoop}'s progress on the training thread: the metrics file, the console, the Spark ML
 * log. An exception thrown here ends the run (checkpoints already written stay, so it can be resumed).
 */
public interface TrainingListener {

    /** Nothing. */
    TrainingListener NONE = new TrainingListener() {};

    /**
     * Before the first iteration of {@link TrainingLoop#run}.
     *
     * @param heldOutBefore held-out accuracy of the starting policy, NaN when the run does not evaluate
     */
    default void onStart(RunStart start, double heldOutBefore) {}

    /** After each iteration, once its checkpoint (when due) is complete. */
    default void onIteration(IterationMetrics metrics) {}

    /** Every listener of {@code listeners}, called in order. */
    static TrainingListener all(TrainingListener... listeners) {
        List<TrainingListener> all = List.of(listeners);
        return new TrainingListener() {
            @Override
            public void onStart(RunStart start, double heldOutBefore) {
                all.forEach(l -> l.onStart(start, heldOutBefore));
            }

            @Override
            public void onIteration(IterationMetrics metrics) {
                all.forEach(l -> l.onIteration(metrics));
            }
        };
    }
}
