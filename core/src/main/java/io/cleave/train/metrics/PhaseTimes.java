package io.cleave.train.metrics;

/**
 * Wall-clock seconds of an iteration's phases.
 *
 * @param rolloutSeconds the rollout phase, every dynamic-sampling round
 * @param rolloutComputeSeconds rollout compute on the critical path (with several workers: per worker the sum of its
 *     batches' own times, then the slowest worker), summed over rounds
 * @param advantageSeconds segmentation and advantage estimation, until the training sequences are on the driver
 * @param updateSeconds the policy update
 * @param iterationSeconds the whole iteration, from the weights broadcast to the checkpoint
 */
public record PhaseTimes(double rolloutSeconds, double rolloutComputeSeconds, double advantageSeconds,
        double updateSeconds, double iterationSeconds) {}
