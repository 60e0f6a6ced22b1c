/**
 * The driver of the Spark training job: weights broadcast per version, rollout fanned out over executors
 * (see {@code io.cleave.spark.executor}), advantages by Spark SQL over shared-prefix groups, the update on the
 * driver or, with {@code update.mode=data-parallel}, gradients of minibatch shards computed on executors and summed
 * on the driver in partition order, metrics, trajectories as Parquet, and atomic checkpoints with resume.
 */
package io.cleave.spark.train;
