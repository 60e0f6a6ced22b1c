/**
 * Training: the single-process GPG trainer (prompt schedule, advantage estimation over trajectory trees, the
 * PPO-style policy update, held-out evaluation) that the Spark job must reproduce exactly, the learning-rate
 * schedule, and atomic checkpoints (weights, AdamW moments, trainer state) with exact resume.
 */
package io.cleave.train;
