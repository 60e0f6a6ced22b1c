package io.cleave.spark.train;

import io.cleave.model.io.ModelDirectory;
import io.cleave.train.config.TrainConfig;
import io.cleave.train.run.RunPaths;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Checks a run's inputs and prepares its directory before Spark starts: the starting model must exist, the run
 * directory ({@code run.dir}, made absolute and normalised, so {@code ..} segments are resolved) must be writable,
 * none of the entries the run writes ({@link #ENTRIES}) may be a symbolic link or lead outside it, and the resolved
 * config is written into it ({@code config.yaml}).
 */
final class RunDirectory {

    /** What a run writes directly under its directory. */
    static final List<String> ENTRIES = List.of("config.yaml", "metrics.jsonl", "dataset.json", "rejects",
            "checkpoints", "trajectories", "weights");

    private RunDirectory() {}

    static Path prepare(TrainConfig config) {
        config.model().dir().ifPresent(ModelDirectory::readConfig);
        config.task().newSuite();
        Path dir = RunPaths.normalise(config.run().dir());
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new IllegalArgumentException("run.dir " + dir + " cannot be created: " + e.getMessage());
        }
        if (!Files.isWritable(dir)) {
            throw new IllegalArgumentException("run.dir " + dir + " is not writable");
        }
        ENTRIES.forEach(entry -> RunPaths.inside(dir, entry));
        config.write(RunPaths.inside(dir, "config.yaml"));
        return dir;
    }
}
