package io.cleave.spark.train;

import java.nio.file.Path;

/**
 * The outcome of a training run.
 *
 * @param runDir the run directory
 * @param firstIteration first iteration run by this process (after a resume, the one after the checkpoint)
 * @param lastIteration last iteration completed
 * @param evalBefore held-out accuracy before training (NaN when not evaluated)
 * @param evalAfter held-out accuracy after training (NaN when not evaluated)
 * @param finalWeights the trained weights' directory (the last checkpoint)
 */
public record TrainSummary(Path runDir, long firstIteration, long lastIteration, double evalBefore, double evalAfter,
        Path finalWeights) {}
