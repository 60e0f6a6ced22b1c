package io.cleave.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.cleave.model.io.ModelDirectory;
import io.cleave.spark.train.SparkTrainer;
import io.cleave.train.checkpoint.CheckpointStore;
import io.cleave.train.config.TrainConfig;
import io.cleave.train.rl.TrainingSetup;
import io.cleave.train.run.RunStoppedException;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A reward that scores every trajectory {@link Double#MAX_VALUE} ({@link OverflowReward}) overflows the advantages'
 * group sums, so every update's loss and gradient are not finite: the Spark job skips each update and counts it
 * ({@code skipped_updates}), and the second in a row ({@code optim.max-nonfinite-steps=2}) stops the run with one
 * clear line and a checkpoint holding the last good weights (here the starting model's, bit for bit: no update was
 * ever applied).
 */
class NonFiniteUpdateIT {

    @TempDir
    Path tmp;

    @Test
    void nonFiniteUpdatesAreSkippedCountedAndStopTheRunWithACheckpoint() throws Exception {
        Path jsonl = FaultRuns.arithJsonl(tmp.resolve("arith.jsonl"), 40);
        Path runDir = tmp.resolve("run");
        TrainConfig config = TrainConfig.fromSets(FaultRuns.onJsonl(FaultRuns.randomTinyRun(runDir, 4), jsonl,
                "task.options.reward=" + OverflowReward.NAME, "task.options.tools=calc",
                "optim.max-nonfinite-steps=2"));

        RunStoppedException stop = assertThrows(RunStoppedException.class,
                () -> SparkTrainer.run(config, null, false, new PrintStream(new ByteArrayOutputStream())));

        Path lastGood = runDir.resolve("checkpoints/step-00000002");
        String message = stop.getMessage();
        assertTrue(message.startsWith("iteration 2: 2 optimizer steps in a row had a non-finite loss or gradient "
                + "(last: loss ") && message.endsWith("training stops (optim.max-nonfinite-steps=2); the weights are "
                + "those of the last finite step; last good state in " + lastGood), message);
        List<String> rows = Files.readAllLines(runDir.resolve("metrics.jsonl"));
        assertEquals(1, rows.size(), "iteration 1 was logged, iteration 2 stopped the run");
        JsonObject first = JsonParser.parseString(rows.get(0)).getAsJsonObject();
        assertEquals(1, first.get("skipped_updates").getAsInt(), rows.get(0));
        assertEquals(0, first.get("optimizer_steps").getAsInt(), rows.get(0));

        CheckpointStore store = CheckpointStore.at(runDir.resolve("checkpoints"));
        assertEquals(List.of(runDir.resolve("checkpoints/step-00000001"), lastGood), store.completeCheckpoints());
        assertEquals(0, CheckpointStore.readState(lastGood).optimizerSteps());
        Map<String, float[]> start;
        try (TrainingSetup setup = TrainingSetup.create(config)) {
            start = setup.policy().weights();
        }
        Map<String, float[]> saved = ModelDirectory.readWeights(lastGood);
        assertEquals(start.keySet(), saved.keySet());
        start.forEach((name, w) -> assertArrayEquals(w, saved.get(name), name));
    }
}
