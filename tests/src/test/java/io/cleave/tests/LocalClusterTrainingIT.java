package io.cleave.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.cleave.spark.train.SparkTrainer;
import io.cleave.spark.train.TrainSummary;
import io.cleave.tests.harness.LocalCluster;
import io.cleave.train.config.TrainConfig;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The training job on {@code local-cluster[2,1,1024]}: two executor JVMs both roll out, each loads every weights
 * version exactly once, and the run writes its metrics, trajectories and checkpoints.
 */
class LocalClusterTrainingIT {

    @TempDir
    Path tmp;

    @Test
    void bothExecutorJvmsRollOutAndLoadEachVersionOnce() throws Exception {
        TrainConfig config = TrainConfig.fromSets(List.of(TinyWarmStart.settings(tmp.resolve("run"), 2)));
        TrainSummary summary;
        try (LocalCluster cluster = LocalCluster.start(2, 1, 1024, Map.of())) {
            summary = SparkTrainer.run(config, null, false, new PrintStream(new ByteArrayOutputStream()));
        }
        assertEquals(2, summary.lastIteration());
        List<String> rows = Files.readAllLines(tmp.resolve("run/metrics.jsonl"));
        assertEquals(2, rows.size());
        for (String line : rows) {
            JsonObject row = JsonParser.parseString(line).getAsJsonObject();
            assertEquals(2, row.get("executors").getAsInt(), "both executor JVMs received prompts: " + line);
            assertEquals(1, row.get("weight_loads_per_jvm_max").getAsInt(), "one load per version per JVM");
            assertTrue(row.get("trajectories").getAsInt() == 4 * 4, line);
        }
        assertTrue(Files.isDirectory(tmp.resolve("run/trajectories/iteration=2")));
        assertTrue(Files.exists(tmp.resolve("run/checkpoints/step-00000002/MANIFEST.json")));
        assertTrue(Files.exists(tmp.resolve("run/checkpoints/step-00000002/config.yaml")));
    }
}
