package io.cleave.train.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cleave.algo.recipe.Recipes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The written YAML holds every key with its effective value, and reading it back gives an equal config. */
class TrainConfigRoundTripTest {

    @TempDir
    Path tmp;

    @Test
    void everyNonDefaultValueSurvivesWriteAndLoad() throws Exception {
        TrainConfig config = TrainConfig.fromSets(List.of(
                "run.dir=runs/sft #2: best", "run.seed=-9007199254740993", "run.iterations=3",
                "model.dir=models/qwen 0.5b", "model.init-preset=tiny",
                "task.suite=multihop", "task.options.people=12", "task.options.search.topK=3",
                "task.prompts-per-iteration=5", "task.eval-every=0", "task.eval-size=7",
                "rollout.max-new-tokens=99", "rollout.temperature=0.7", "rollout.top-p=0.95", "rollout.top-k=40",
                "env.max-tool-calls=2", "env.max-result-chars=64", "env.tool-timeout-ms=123456",
                "env.max-trajectory-chars=4096",
                "optim.lr=3e-4", "optim.warmup-steps=17", "optim.weight-decay=0", "optim.grad-clip=0.3",
                "optim.beta1=0.8", "optim.beta2=0.95", "optim.eps=1e-6",
                "update.mode=data-parallel", "checkpoint.every=4", "spark.master=spark://head:7077",
                "algorithm.recipe=arpo", "algorithm.segmenter=entropy", "algorithm.segmenter.tools=search",
                "algorithm.segmenter.entropy-top-q=0", "algorithm.segmenter.entropy-threshold=2.5",
                "algorithm.loss.dual-clip=3", "algorithm.branch.tau=0.1", "algorithm.overlong.max-length=99",
                "algorithm.overlong.buffer=9", "algorithm.dynamic-sampling=on"));
        Path file = tmp.resolve("run/config.yaml");
        config.write(file);
        TrainConfig back = TrainConfig.load(file, List.of());
        assertEquals(config, back);
        assertEquals(config.toMap(), back.toMap());
        assertEquals(Path.of("runs/sft #2: best"), back.run().dir());
        assertEquals(-9007199254740993L, back.run().seed());
        assertEquals(2.5, back.algorithm().config().segmenterParams().entropy().threshold());
        assertFalse(Files.exists(tmp.resolve("run/config.yaml.tmp")), "temporary file moved into place");
    }

    @Test
    void defaultsAndEveryRecipeRoundTrip() throws Exception {
        Path file = tmp.resolve("config.yaml");
        TrainConfig.defaults().write(file);
        assertEquals(TrainConfig.defaults(), TrainConfig.load(file, List.of()));
        for (String recipe : Recipes.names()) {
            TrainConfig config = TrainConfig.fromSets(List.of("algorithm.recipe=" + recipe));
            config.write(file);
            assertEquals(config, TrainConfig.load(file, List.of()), recipe);
        }
    }

    @Test
    void yamlListsEveryKeyOncePerSection() {
        TrainConfig config = TrainConfig.fromSets(List.of("task.options.difficulty=3"));
        String yaml = config.toYaml();
        assertTrue(yaml.contains("\noptim:\n  lr: 1.0E-4\n  warmup-steps: 0\n"), yaml);
        assertTrue(yaml.contains("\ntask:\n  suite: arith\n  options:\n    difficulty: 3\n"), yaml);
        assertTrue(yaml.contains("\nspark:\n  master: local[*]\n"), yaml);
        assertTrue(yaml.contains("\n  branch.budget: 16\n"), yaml);
        assertTrue(yaml.contains("\nmodel:\n  dir:\n  init-preset: small\n"), yaml);
        long valueLines = yaml.lines().filter(l -> l.startsWith("  ") && !l.equals("  options:")).count();
        assertEquals(config.toMap().size(), valueLines, "one line per key");
        for (String key : config.toMap().keySet()) {
            String leaf = key.startsWith(TrainConfigKeys.TASK_OPTIONS_PREFIX)
                    ? key.substring(TrainConfigKeys.TASK_OPTIONS_PREFIX.length()) : key.substring(key.indexOf('.') + 1);
            assertTrue(yaml.contains(" " + leaf + ": "), key);
        }
    }

    @Test
    void writingReplacesAnEarlierFile() throws Exception {
        Path file = tmp.resolve("config.yaml");
        Files.writeString(file, "stale: true\n");
        TrainConfig config = TrainConfig.fromSets(List.of("run.iterations=9"));
        config.write(file);
        assertEquals(config, TrainConfig.load(file, List.of()));
    }
}
