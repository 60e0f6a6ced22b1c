package io.cleave.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportCommandTest {

    @TempDir
    Path tmp;

    @Test
    void aMissingRunDirectoryIsAUserError() {
        CliRun run = CliRun.of("report", tmp.resolve("nope").toString());
        assertEquals(CleaveCli.USER_ERROR, run.code());
        assertEquals("error: run directory not found: " + tmp.resolve("nope"), run.err().strip());
    }

    @Test
    void aDirectoryWithoutMetricsIsAUserError() {
        CliRun run = CliRun.of("report", tmp.toString());
        assertEquals(CleaveCli.USER_ERROR, run.code());
        assertTrue(run.err().startsWith("error: " + tmp.resolve("metrics.jsonl") + " (not a Cleave run directory"),
                run.err());
    }
}
