package io.cleave.train.rl;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Where a run starts: at iteration 1, or after the newest complete checkpoint.
 *
 * @param firstIteration the first iteration to run (from 1)
 * @param cursor position of the next prompt in the prompt schedule
 * @param checkpoint the checkpoint the policy and optimizer were restored from, when resuming
 */
public record RunStart(long firstIteration, long cursor, Optional<Path> checkpoint) {

    /** A new run. */
    public static final RunStart FRESH = new RunStart(1, 0, Optional.empty());
}
