/**
 * The typed metrics of a training iteration ({@link io.cleave.train.metrics.IterationMetrics}: rollout statistics,
 * update metrics, held-out accuracy, where the rollouts ran, phase times, process resources) and the
 * {@code metrics.jsonl} format written and read from that record alone ({@link io.cleave.train.metrics.MetricsJsonl}).
 */
package io.cleave.train.metrics;
