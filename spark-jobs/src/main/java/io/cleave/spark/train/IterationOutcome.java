package io.cleave.spark.train;

import io.cleave.train.update.TrainingSequence;
import java.util.List;

/**
 * What the Spark phases of one iteration hand to the driver's update.
 *
 * @param rows training rows in the single-process trainer's order (prompt order, then sample index)
 * @param prompts prompt groups kept
 * @param trajectories trajectories kept
 * @param meanReward mean reward over kept trajectories
 * @param accuracy fraction of kept trajectories answered right
 * @param formatValid fraction of kept trajectories following the protocol
 * @param meanToolCalls tool calls per kept trajectory
 * @param toolErrors failed tool calls other than time-outs, summed over kept trajectories
 * @param toolTimeouts tool calls stopped at the time-out, summed over kept trajectories
 * @param sampledTokens policy tokens sampled in this iteration (all rounds, shared prefixes once)
 * @param maxWeightLoads the most times any executor JVM loaded this iteration's weights version
 * @param executors distinct executor JVMs that rolled out
 * @param broadcastBytes bytes of the weights broadcast
 * @param rolloutSeconds wall time of the rollout phase
 * @param rolloutComputeSeconds rollout compute on the critical path (per executor the sum of its partitions' own
 *     times, then the slowest executor), summed over rounds
 * @param advantageSeconds wall time of the Spark SQL advantage phase and the collection of the training rows (the
 *     Parquet write runs afterwards, during the update)
 */
public record IterationOutcome(List<TrainingSequence> rows, int prompts, int trajectories, double meanReward,
        double accuracy, double formatValid, double meanToolCalls, int toolErrors, int toolTimeouts,
        long sampledTokens, long maxWeightLoads, int executors, long broadcastBytes, double rolloutSeconds,
        double rolloutComputeSeconds, double advantageSeconds) {}
