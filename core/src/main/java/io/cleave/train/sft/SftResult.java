package io.cleave.train.sft;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * What one call of {@link SftTrainer#train} or {@link SftTrainer#resume} did.
 *
 * @param startStep steps already done when the call began (0 for a fresh run, the checkpoint's step on resume)
 * @param steps steps completed in the whole run when the call ended
 * @param finalLoss loss of the last step run by this call; NaN when the call ran none (the run was finished)
 * @param lossCurve loss of every step run by this call, in order ({@code steps - startStep} values)
 * @param wallTime time of the whole call, checkpoint writing included
 * @param tokensPerSecond tokens processed per second of training steps (checkpoint writing excluded)
 * @param finalCheckpoint the directory of the last checkpoint, when the trainer has a checkpoint store
 */
public record SftResult(long startStep, long steps, double finalLoss, double[] lossCurve, Duration wallTime,
        double tokensPerSecond, Optional<Path> finalCheckpoint) {}
