/**
 * Training, split by concern into sub-packages: {@code rl} (the reinforcement-learning run: its setup, the one
 * training loop and its rollout back-ends), {@code update} (the PPO-style policy update and its sharded gradients),
 * {@code checkpoint} (atomic checkpoints with exact resume), {@code metrics} (the typed per-iteration metrics),
 * {@code eval} (held-out evaluation), {@code run} (what a run writes and where), {@code sft} (supervised warm
 * start) and {@code config} (the training config). This package holds the learning-rate schedule.
 */
package io.cleave.train;
