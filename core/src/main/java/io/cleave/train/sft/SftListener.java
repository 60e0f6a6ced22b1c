package io.cleave.train.sft;

import java.nio.file.Path;

/**
 * Receives {@link SftTrainer}'s progress on the training thread: after every step, and after every checkpoint.
 * An exception thrown here ends training (checkpoints already written stay, so the run can be resumed).
 */
@FunctionalInterface
public interface SftListener {

    /** Called after every step. */
    void onStep(SftProgress progress);

    /** Called after a complete checkpoint of {@code step} was written to {@code directory}. */
    default void onCheckpoint(long step, Path directory) {}
}
