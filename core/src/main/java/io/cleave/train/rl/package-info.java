/**
 * The reinforcement-learning run: everything built from the training config before the first iteration
 * ({@link io.cleave.train.rl.TrainingSetup}), the prompt schedule, reward-KL reference log-probs and the advantage
 * phase over trajectory trees.
 */
package io.cleave.train.rl;
