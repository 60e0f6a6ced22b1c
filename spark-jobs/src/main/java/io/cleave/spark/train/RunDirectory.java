package io.cleave.spark.train;

import io.cleave.model.io.ModelDirectory;
import io.cleave.train.config.TrainConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Checks a run's inputs and prepares its directory before Spark starts: the starting model must exist, the run
 * directory must be writable, and the resolved config is written into it ({@code config.yaml}).
 */
final class RunDirectory {

    private RunDirectory() {}

    static Path prepare(TrainConfig config) {
        config.model().dir().ifPresent(ModelDirectory::readConfig);
        config.task().newSuite();
        Path dir = config.run().dir();
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new IllegalArgumentException("run.dir " + dir + " cannot be created: " + e.getMessage());
        }
        if (!Files.isWritable(dir)) {
            throw new IllegalArgumentException("run.dir " + dir + " is not writable");
        }
        config.write(dir.resolve("config.yaml"));
        return dir;
    }
}
