/**
 * Advantage estimation on Spark over {@link io.cleave.spark.rows.TrajectoryRow} datasets with core's estimators
 * ({@link io.cleave.algo.advantage.AdvantageEstimators}): the same code and the same bits as the single-process
 * trainer.
 *
 * <p>Each prompt group meets in one task ({@code groupByKey(iteration, promptId)}), where its shared-prefix tree is
 * rebuilt and the estimator computes its per-token values; {@code reinforce++}'s whitening over the batch is one
 * exact aggregate cross-joined back. Nothing is collected to the driver. Entry point:
 * {@link io.cleave.spark.advantage.SparkAdvantages#compute}.
 */
package io.cleave.spark.advantage;
