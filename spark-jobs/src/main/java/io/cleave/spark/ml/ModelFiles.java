package io.cleave.spark.ml;

import io.cleave.model.Policy;
import io.cleave.model.io.ModelDirectory;
import io.cleave.train.run.FileTrees;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;

/**
 * Moves a Cleave model directory between the local disk (where {@link ModelDirectory} reads and writes) and a
 * saved ML path on any Hadoop file system ({@code file:}, {@code dbfs:}, {@code hdfs:}, {@code s3a:}, ...).
 */
final class ModelFiles {

    /** Sub-directory of a saved model that holds the model directory. */
    static final String MODEL = "model";

    private ModelFiles() {}

    /**
     * Writes the model of the local directory {@code modelDir} as a clean model directory (config, weights,
     * tokenizer files; no optimizer state) to {@code path/model}.
     */
    static void save(String modelDir, String path, Configuration hadoop) throws IOException {
        Path local = Files.createTempDirectory("cleave-model-save-");
        try {
            Path source = Path.of(modelDir);
            try (Policy policy = ModelDirectory.load(source)) {
                ModelDirectory.save(policy, local.resolve(MODEL), source);
            }
            org.apache.hadoop.fs.Path target = new org.apache.hadoop.fs.Path(path, MODEL);
            FileSystem fs = target.getFileSystem(hadoop);
            fs.copyFromLocalFile(false, true, new org.apache.hadoop.fs.Path(local.resolve(MODEL).toUri()), target);
        } finally {
            FileTrees.delete(local);
        }
    }

    /** Copies {@code path/model} into a new local temporary directory (deleted when the JVM exits) and returns it. */
    static Path load(String path, Configuration hadoop) throws IOException {
        org.apache.hadoop.fs.Path source = new org.apache.hadoop.fs.Path(path, MODEL);
        FileSystem fs = source.getFileSystem(hadoop);
        if (!fs.exists(source)) {
            throw new IllegalArgumentException("no model directory at " + source + ": not a saved CleavePolicyModel");
        }
        Path local = Files.createTempDirectory("cleave-model-").resolve(MODEL);
        fs.copyToLocalFile(false, source, new org.apache.hadoop.fs.Path(local.toUri()), true);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                FileTrees.delete(local.getParent());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }));
        return local;
    }
}
