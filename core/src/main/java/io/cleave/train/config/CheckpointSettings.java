package io.cleave.train.config;

/**
 * When checkpoints are written.
 *
 * @param every write a checkpoint after every this many iterations, and after the last one (key
 *     {@code checkpoint.every}), &gt;= 1
 */
public record CheckpointSettings(int every) {

    /** Every 10 iterations. */
    public static CheckpointSettings defaults() {
        return new CheckpointSettings(10);
    }

    /** Validates the interval; the message names the key. */
    public CheckpointSettings {
        if (every < 1) {
            throw new IllegalArgumentException("checkpoint.every must be >= 1, got " + every);
        }
    }
}
