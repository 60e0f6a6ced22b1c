/**
 * Atomic checkpoints: weights, AdamW moments and the trainer state (step, data cursor, seed, data fingerprint),
 * complete only when every file matches its {@link io.cleave.train.checkpoint.CheckpointManifest}; a resumed run
 * continues exactly where the checkpoint left off.
 */
package io.cleave.train.checkpoint;
