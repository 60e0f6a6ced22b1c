/**
 * Pieces shared by Cleave's single-process trainers: the learning-rate schedule, the shuffled data order with its
 * resumable cursor, and atomic training checkpoints (model directory, AdamW moments, trainer state) that let a run
 * resume bit-for-bit.
 */
package io.cleave.train;
