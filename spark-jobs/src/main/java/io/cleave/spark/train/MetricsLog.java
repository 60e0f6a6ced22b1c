package io.cleave.spark.train;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import io.cleave.train.run.RunStoppedException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;

/**
 * Appends one JSON object per iteration to {@code metrics.jsonl} in the run directory; a failed write (disk full,
 * unwritable directory) stops the run with {@link RunStoppedException} naming the file and the cause.
 */
final class MetricsLog {

    private static final Gson GSON = new GsonBuilder().serializeSpecialFloatingPointValues().create();

    private final Path file;

    MetricsLog(Path file) {
        this.file = file;
    }

    void append(Map<String, Object> row) {
        try {
            Files.writeString(file, GSON.toJson(row) + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw RunStoppedException.cannotWrite("metrics to", file, e);
        }
    }
}
