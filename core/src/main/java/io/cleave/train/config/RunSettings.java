package io.cleave.train.config;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where a run writes and how long it runs.
 *
 * @param dir run directory (key {@code run.dir}): checkpoints, metrics, trajectories and the resolved config go
 *     there; relative paths are relative to the working directory
 * @param seed base of every random stream of the run (key {@code run.seed}), any 64-bit integer
 * @param iterations training iterations (key {@code run.iterations}), &gt;= 1
 */
public record RunSettings(Path dir, long seed, int iterations) {

    /** {@code runs/train}, seed 0, 50 iterations. */
    public static RunSettings defaults() {
        return new RunSettings(Path.of("runs", "train"), 0, 50);
    }

    /** Validates every field; messages name the key. */
    public RunSettings {
        Objects.requireNonNull(dir, "run.dir");
        if (dir.toString().isBlank()) {
            throw new IllegalArgumentException("run.dir must not be empty");
        }
        if (iterations < 1) {
            throw new IllegalArgumentException("run.iterations must be >= 1, got " + iterations);
        }
    }
}
