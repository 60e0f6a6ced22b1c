package io.cleave.spark.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SparkTrainerReportTest {

    @TempDir
    Path runDir;

    /** A run directory without metrics: the report fails before any Spark work, and the failure is only reported. */
    @Test
    void aReportFailureIsPrintedNotThrown() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SparkTrainer.report(null, runDir, new PrintStream(out, true, StandardCharsets.UTF_8));
        assertEquals("report: FAILED (the run itself finished): java.nio.file.NoSuchFileException: "
                + runDir.resolve("metrics.jsonl") + " (not a Cleave run directory, or no iteration finished)",
                out.toString(StandardCharsets.UTF_8).strip());
        assertFalse(Files.exists(runDir.resolve("report.html")));
    }
}
