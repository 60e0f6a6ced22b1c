/**
 * The policy update: PPO-style epochs over minibatches of {@link io.cleave.train.update.TrainingSequence}s. Each
 * minibatch's loss weights are planned over all of its sequences ({@link io.cleave.train.update.MinibatchPlan}), so
 * its gradient can be computed in shards ({@link io.cleave.train.update.BackwardPass}) whose
 * {@link io.cleave.train.update.LossGradient}s sum to the whole; where the shards are computed is a
 * {@link io.cleave.train.update.GradientSource}. Non-finite steps are skipped and counted.
 */
package io.cleave.train.update;
