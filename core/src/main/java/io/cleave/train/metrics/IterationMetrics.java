package io.cleave.train.metrics;

import io.cleave.train.update.UpdateMetrics;

/**
 * One training iteration's metrics, as handed to the training listeners and written as one row of
 * {@code metrics.jsonl} ({@link MetricsJsonl}: every component becomes its snake-case column, nested records
 * flattened in order).
 *
 * @param iteration iteration number (from 1)
 * @param rollout reward, accuracy, tool calls and sampled tokens of the rollouts trained on
 * @param update loss, entropy, clipping, KL and gradient norm of the policy update
 * @param heldOutAccuracy held-out greedy accuracy after this iteration's update; NaN when not evaluated
 * @param executors where the rollouts ran
 * @param times wall-clock seconds by phase
 * @param resources what the process holds at the end of the iteration
 */
public record IterationMetrics(long iteration, RolloutStats rollout, UpdateMetrics update, double heldOutAccuracy,
        ExecutorStats executors, PhaseTimes times, ResourceUsage resources) {}
