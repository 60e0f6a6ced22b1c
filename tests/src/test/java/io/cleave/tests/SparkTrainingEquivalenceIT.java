package io.cleave.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cleave.model.io.ModelDirectory;
import io.cleave.rollout.engine.PromptRollout;
import io.cleave.spark.train.SparkTrainer;
import io.cleave.spark.train.TrainSummary;
import io.cleave.train.config.TrainConfig;
import io.cleave.train.rl.LocalRollouts;
import io.cleave.train.rl.TrainingListener;
import io.cleave.train.rl.TrainingLoop;
import io.cleave.train.rl.TrainingSetup;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Spark job on {@code local[2]} in driver mode against the same training loop with the single-process back-end
 * in core, same seed and config, two iterations: token-identical trajectories and identical weights. Both run in this
 * JVM with the same intra-op thread count; the single-process back-end rolls out the same two batches per round that
 * the job's two partitions decode. Also for
 * {@code reinforce++}, whose KL penalty in the reward needs the frozen reference's log-probs on the executors.
 */
class SparkTrainingEquivalenceIT {

    @TempDir
    Path tmp;

    @ParameterizedTest(name = "recipe {0}")
    @ValueSource(strings = {"gpg", "reinforce++"})
    void sparkDriverModeEqualsTheSingleProcessTrainer(String recipe) throws Exception {
        TrainConfig sparkConfig = TrainConfig.fromSets(List.of(TinyWarmStart.settings(tmp.resolve("spark"), 2)))
                .with("spark.master", "local[2]").with("algorithm.recipe", recipe);
        TrainConfig coreConfig = sparkConfig.with("run.dir", tmp.resolve("core").toString());

        Map<String, int[]> coreTokens = new HashMap<>();
        Map<String, float[]> coreWeights;
        try (TrainingSetup setup = TrainingSetup.create(coreConfig);
                LocalRollouts local = new LocalRollouts(setup, 2)) {
            TrainingLoop loop = new TrainingLoop(setup, local, setup.update(), Optional.empty(),
                    TrainingListener.NONE);
            for (int it = 1; it <= 2; it++) {
                loop.iterate(it);
                for (PromptRollout r : local.lastRollouts()) {
                    for (int s = 0; s < r.samples().size(); s++) {
                        coreTokens.put(it + "/" + r.spec().promptId() + "/" + s, r.samples().get(s).tokens());
                    }
                }
            }
            coreWeights = setup.policy().weights();
        }

        TrainSummary summary = SparkTrainer.run(sparkConfig, null, false,
                new PrintStream(new ByteArrayOutputStream()));
        Map<String, float[]> sparkWeights = ModelDirectory.readWeights(summary.finalWeights());

        Map<String, int[]> sparkTokens = new HashMap<>();
        try (SparkSession spark = SparkSession.builder().master("local[1]").config("spark.ui.enabled", "false")
                .getOrCreate()) {
            for (Row r : spark.read().parquet(tmp.resolve("spark/trajectories").toString())
                    .select("iteration", "promptId", "sampleIndex", "tokens", "promptTokens").collectAsList()) {
                assertTrue(r.getList(4).size() > 3, "the prompt is stored with its trajectory");
                List<Integer> tokens = r.getList(3);
                sparkTokens.put(r.getInt(0) + "/" + r.getString(1) + "/" + r.getInt(2),
                        tokens.stream().mapToInt(Integer::intValue).toArray());
            }
        }
        assertEquals(coreTokens.keySet(), sparkTokens.keySet(), "the same trajectories");
        assertTrue(coreTokens.size() >= 2 * 4 * 2);
        for (String key : coreTokens.keySet()) {
            assertArrayEquals(coreTokens.get(key), sparkTokens.get(key), "tokens of " + key);
        }
        List<String> differing = new ArrayList<>();
        for (String name : coreWeights.keySet()) {
            if (!java.util.Arrays.equals(coreWeights.get(name), sparkWeights.get(name))) {
                differing.add(name);
            }
        }
        assertEquals(List.of(), differing, "bit-identical weights");
        assertTrue(Files.exists(tmp.resolve("spark/metrics.jsonl")));
    }
}
