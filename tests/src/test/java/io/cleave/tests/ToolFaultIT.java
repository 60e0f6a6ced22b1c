package io.cleave.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.cleave.spark.train.SparkTrainer;
import io.cleave.spark.train.TrainSummary;
import io.cleave.train.config.TrainConfig;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A tool that hangs or throws ({@link FaultyToolProvider}, answering to the {@code <calc>} tag the warm-started
 * policy calls): each call ends at the time-out or with an error result, the counts reach {@code metrics.jsonl}
 * ({@code tool_timeouts}, {@code tool_errors}), and the run finishes its iterations. Trajectories get room for
 * the longer error results ({@code rollout.max-new-tokens=200}): a result cut by the context limit is not counted.
 */
class ToolFaultIT {

    private static final int TIMEOUT_MS = 150;

    @TempDir
    Path tmp;

    @Test
    void hungAndCrashingToolCallsBecomeErrorResultsAndTheRunGoesOn() throws Exception {
        Path jsonl = FaultRuns.arithJsonl(tmp.resolve("arith.jsonl"), 40);
        Path runDir = tmp.resolve("run");
        TrainConfig config = TrainConfig.fromSets(FaultRuns.onJsonl(List.of(TinyWarmStart.settings(runDir, 2)), jsonl,
                "task.options.tools=" + FaultyToolProvider.NAME, "task.options.faulty.tag=calc",
                "env.tool-timeout-ms=" + TIMEOUT_MS, "rollout.max-new-tokens=200"));

        TrainSummary summary = SparkTrainer.run(config, null, false, new PrintStream(new ByteArrayOutputStream()));

        assertEquals(2, summary.lastIteration(), "the run went on past calls that never return by themselves");
        int timeouts = 0;
        int errors = 0;
        double calls = 0;
        List<String> rows = Files.readAllLines(runDir.resolve("metrics.jsonl"));
        assertEquals(2, rows.size());
        for (String line : rows) {
            JsonObject row = JsonParser.parseString(line).getAsJsonObject();
            timeouts += row.get("tool_timeouts").getAsInt();
            errors += row.get("tool_errors").getAsInt();
            calls += row.get("tool_calls").getAsDouble() * row.get("trajectories").getAsInt();
        }
        assertTrue(timeouts > 0, "hung calls timed out: " + rows);
        assertTrue(errors > 0, "crashing calls became errors: " + rows);
        assertTrue(timeouts + errors <= Math.round(calls), "no more failures than calls: " + rows);
    }
}
