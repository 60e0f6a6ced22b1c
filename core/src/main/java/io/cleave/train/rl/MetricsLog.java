package io.cleave.train.rl;

import io.cleave.train.metrics.IterationMetrics;
import io.cleave.train.metrics.MetricsJsonl;
import io.cleave.train.run.RunStoppedException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Appends one row per iteration to {@code metrics.jsonl} ({@link MetricsJsonl}); a failed write (disk full,
 * unwritable directory) stops the run with {@link RunStoppedException} naming the file and the cause.
 */
public final class MetricsLog implements TrainingListener {

    private final Path file;

    /** @param file the run's {@code metrics.jsonl} */
    public MetricsLog(Path file) {
        this.file = file;
    }

    @Override
    public void onIteration(IterationMetrics metrics) {
        try {
            Files.writeString(file, MetricsJsonl.line(metrics) + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw RunStoppedException.cannotWrite("metrics to", file, e);
        }
    }
}
