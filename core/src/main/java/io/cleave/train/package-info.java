/**
 * Training: the single-process GPG trainer (prompt schedule, advantage estimation over trajectory trees, the
 * PPO-style policy update, held-out evaluation) that the Spark job must reproduce exactly, the learning-rate
 * schedule, and atomic checkpoints (weights, AdamW moments, trainer state) with exact resume. The update plans each
 * minibatch's loss weights over all of its rows ({@link io.cleave.train.MinibatchPlan}), so its gradient can be
 * computed in shards ({@link io.cleave.train.GradientShard}) that sum to the whole; where the shards are computed is
 * a {@link io.cleave.train.GradientSource}. What a run writes stays inside its run directory
 * ({@link io.cleave.train.RunPaths}), including the report of the rows it rejected from a data file
 * ({@link io.cleave.train.DatasetReport}).
 */
package io.cleave.train;
