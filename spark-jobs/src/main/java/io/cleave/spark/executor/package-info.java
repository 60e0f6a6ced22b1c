/**
 * What the training job runs on executors and ships to them: the rollout of a partition's prompts
 * ({@link io.cleave.spark.executor.RolloutPartition}) and the gradient of a partition's rows
 * ({@link io.cleave.spark.executor.GradientPartition}) with the JVM's cached policy
 * ({@link io.cleave.spark.executor.ExecutorPolicyCache}), the versioned weights broadcast, the job spec, and the
 * records sent back to the driver.
 */
package io.cleave.spark.executor;
