package io.cleave.spark.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SparkTrainerReportTest {

    @TempDir
    Path runDir;

    /** A run directory without metrics: the report fails before any Spark work, and the failure is only reported. */
    @Test
    void aReportFailureIsPrintedNotThrown() {
        List<String> lines = new ArrayList<>();
        SparkTrainer.report(null, runDir, lines::add);
        assertEquals(List.of("report: FAILED (the run itself finished): java.nio.file.NoSuchFileException: "
                + runDir.resolve("metrics.jsonl") + " (not a Cleave run directory, or no iteration finished)"),
                lines);
        assertFalse(Files.exists(runDir.resolve("report.html")));
    }
}
