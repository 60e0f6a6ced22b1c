/**
 * The reinforcement-learning run: everything built from the training config before the first iteration
 * ({@link io.cleave.train.rl.TrainingSetup}), the one {@link io.cleave.train.rl.TrainingLoop} of every recipe with
 * its {@link io.cleave.train.rl.RolloutBackend} (this process: {@link io.cleave.train.rl.LocalRollouts}; Spark
 * executors: the Spark job's), the prompt schedule, the advantage phase over trajectory trees
 * ({@link io.cleave.train.rl.ScoredBatch}), checkpoints and resume ({@link io.cleave.train.rl.RunCheckpoints}),
 * and the listeners that receive each iteration's metrics ({@link io.cleave.train.rl.MetricsLog} writes
 * {@code metrics.jsonl}, {@link io.cleave.train.rl.ProgressLines} the console or log lines).
 */
package io.cleave.train.rl;
