package io.cleave.train.metrics;

import io.cleave.train.update.UpdateMetrics;

/**
 * One training iteration's metrics row.
 *
 * @param iteration iteration number (from 1)
 * @param prompts prompt groups trained on (after dynamic sampling)
 * @param trajectories trajectories (leaves) trained on
 * @param meanReward mean total reward over trajectories
 * @param accuracy fraction of trajectories answered right
 * @param formatValid fraction of trajectories following the protocol
 * @param meanToolCalls tool calls per trajectory
 * @param sampledTokens policy tokens sampled this iteration (shared prefixes counted once)
 * @param update the update phase's metrics
 * @param rolloutSeconds wall time of sampling
 * @param advantageSeconds wall time of segmentation and advantage estimation
 * @param updateSeconds wall time of the update
 */
public record IterationMetrics(long iteration, int prompts, int trajectories, double meanReward, double accuracy,
        double formatValid, double meanToolCalls, long sampledTokens, UpdateMetrics update, double rolloutSeconds,
        double advantageSeconds, double updateSeconds) {}
