package io.cleave.train.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cleave.algo.recipe.AlgorithmConfigKeys;
import io.cleave.algo.recipe.Recipes;
import io.cleave.env.protocol.EnvLimits;
import io.cleave.env.tasks.arith.ArithSuite;
import io.cleave.model.SamplingConfig;
import io.cleave.optim.AdamWConfig;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The defaults, the key table and the learning-rate schedule. */
class TrainConfigDefaultsTest {

    @Test
    void defaultsComeFromTheSectionRecordsAndTheReusedRecords() {
        TrainConfig d = TrainConfig.defaults();
        assertEquals(Path.of("runs/train"), d.run().dir());
        assertEquals(0, d.run().seed());
        assertEquals(50, d.run().iterations());
        assertTrue(d.model().dir().isEmpty());
        assertEquals("small", d.model().initPreset());
        assertEquals("arith", d.task().suite());
        assertEquals(Map.of(), d.task().options());
        assertEquals(8, d.task().promptsPerIteration());
        assertEquals(10, d.task().evalEvery());
        assertEquals(32, d.task().evalSize());
        assertEquals(256, d.rollout().maxNewTokens());
        assertEquals(SamplingConfig.DEFAULT, d.rollout().sampling());
        assertEquals(EnvLimits.defaults(), d.env());
        assertEquals(AdamWConfig.DEFAULT, d.optim().adamw());
        assertEquals(0, d.optim().warmupSteps());
        assertEquals(1.0, d.optim().gradClip());
        assertEquals(UpdateMode.DRIVER, d.update().mode());
        assertEquals(10, d.checkpoint().every());
        assertEquals("local[*]", d.spark().master());
        assertEquals("gpg", d.algorithm().recipe());
        assertEquals(Recipes.get("gpg"), d.algorithm().config());
        assertTrue(d.task().newSuite() instanceof ArithSuite);
    }

    @Test
    void defaultsAreWhatEmptySourcesGive() {
        assertEquals(TrainConfig.defaults(), TrainConfig.fromSets(List.of()));
    }

    @Test
    void toMapListsEveryKeyOnceInTableOrder() {
        Map<String, String> map = TrainConfig.defaults().toMap();
        assertEquals(TrainConfigKeys.names(), List.copyOf(map.keySet()));
        assertEquals(29 + AlgorithmConfigKeys.KEYS.size(), map.size());
        assertEquals("1.0E-4", map.get("optim.lr"));
        assertEquals("", map.get("model.dir"));
        assertEquals("marker", map.get("algorithm.segmenter"));
        assertEquals("16", map.get("algorithm.branch.budget"));
        for (String key : map.keySet()) {
            String section = key.substring(0, key.indexOf('.'));
            assertTrue(TrainConfigKeys.SECTIONS.contains(section), key);
        }
    }

    @Test
    void keysAcceptCamelAndSnakeCaseAndAlgorithmAliases() {
        assertEquals("optim.warmup-steps", TrainConfigKeys.canonical("optim.warmupSteps", "t"));
        assertEquals("optim.warmup-steps", TrainConfigKeys.canonical(" optim.warmup_steps ", "t"));
        assertEquals("algorithm.branch.budget", TrainConfigKeys.canonical("algorithm.branch.m", "t"));
        assertEquals("algorithm.loss.eps-low", TrainConfigKeys.canonical("algorithm.loss.epsLow", "t"));
        assertEquals("task.options.testFraction", TrainConfigKeys.canonical("task.options.testFraction", "t"));
        assertThrows(ConfigException.class, () -> TrainConfigKeys.canonical("task.options", "t"));
    }

    @Test
    void taskSectionListsTheOptionsPlaceholderAfterTheSuite() {
        assertEquals(List.of("task.suite", "task.options.<name>", "task.prompts-per-iteration", "task.eval-every",
                "task.eval-size"), TrainConfigKeys.namesOf("task"));
        assertFalse(TrainConfigKeys.names().contains("task.options.<name>"));
    }

    @Test
    void learningRateWarmsUpLinearlyThenStaysAtThePeak() {
        OptimSettings warm = new OptimSettings(AdamWConfig.DEFAULT.withLearningRate(4e-4), 4, 1.0, 3);
        assertEquals(1e-4, warm.learningRate(1), 1e-15);
        assertEquals(3e-4, warm.learningRate(3), 1e-15);
        assertEquals(4e-4, warm.learningRate(4), 1e-15);
        assertEquals(4e-4, warm.learningRate(100), 1e-15);
        assertEquals(1e-4, OptimSettings.defaults().learningRate(1), 1e-15);
        assertThrows(IllegalArgumentException.class, () -> warm.learningRate(0));
        assertTrue(warm.clipsGradients());
        assertFalse(new OptimSettings(AdamWConfig.DEFAULT, 0, 0, 3).clipsGradients());
    }

    @Test
    void suggestionsUseEditDistance() {
        assertEquals(3, KeySuggestions.distance("kitten", "sitting"));
        assertEquals(0, KeySuggestions.distance("optim.lr", "optim.lr"));
        assertEquals(List.of("optim.lr"), KeySuggestions.nearest("optim.lrr", TrainConfigKeys.names()));
        assertEquals(List.of(), KeySuggestions.nearest("zzzzzzzzzzzz", TrainConfigKeys.names()));
    }
}
