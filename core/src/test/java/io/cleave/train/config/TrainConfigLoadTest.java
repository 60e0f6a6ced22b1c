package io.cleave.train.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.cleave.algo.recipe.AlgorithmConfig;
import io.cleave.algo.recipe.Recipes;
import io.cleave.env.protocol.EnvLimits;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Loading: file over defaults, {@code --set} over file, recipes and algorithm overrides. */
class TrainConfigLoadTest {

    @TempDir
    Path tmp;

    private Path yaml(String text) throws Exception {
        Path file = tmp.resolve("train.yaml");
        Files.writeString(file, text);
        return file;
    }

    @Test
    void setOverridesFileWhichOverridesDefaults() throws Exception {
        Path file = yaml("""
                run:
                  iterations: 7
                  seed: 11
                optim:
                  lr: 3e-4
                  warmup-steps: 5
                env.max-tool-calls: 3
                """);
        TrainConfig c = TrainConfig.load(file, List.of("optim.lr=5e-5", "run.seed=12", "run.seed=13"));
        assertEquals(7, c.run().iterations(), "from the file");
        assertEquals(13, c.run().seed(), "--set wins, the later --set of a key wins");
        assertEquals(5e-5, c.optim().adamw().learningRate(), "--set wins over the file");
        assertEquals(5, c.optim().warmupSteps());
        assertEquals(new EnvLimits(3, 200, 2_000, 1_024), c.env(), "one env key changed, the rest default");
        TrainConfig d = TrainConfig.defaults();
        assertEquals(d.optim().adamw().beta2(), c.optim().adamw().beta2(), "unset keys keep the defaults");
        assertEquals(d.task(), c.task());
    }

    @Test
    void valuesAreReadAsTextWithTheSameRulesFromYamlAndSet() throws Exception {
        Path file = yaml("""
                optim:
                  lr: 1.0E-3
                  eps: 1e-6
                algorithm:
                  recipe: dapo
                  loss.dual-clip: off
                  segmenter.tools: [calc, search, lookup]
                model:
                  dir: ~
                task:
                  suite: multihop
                  options:
                    people: 12
                    testFraction: 0.25
                """);
        TrainConfig c = TrainConfig.load(file, List.of());
        assertEquals(1e-3, c.optim().adamw().learningRate());
        assertEquals(1e-6, c.optim().adamw().epsilon());
        assertEquals(0.0, c.algorithm().config().dualClip());
        assertEquals(List.of("calc", "search", "lookup"), c.algorithm().config().segmenterParams().toolTags());
        assertEquals(java.util.Optional.empty(), c.model().dir());
        assertEquals(Map.of("people", "12", "testFraction", "0.25"), c.task().options());
        TrainConfig viaSet = TrainConfig.fromSets(List.of("optim.lr=1.0E-3", "optim.eps=1e-6",
                "algorithm.recipe=dapo", "algorithm.loss.dual-clip=off",
                "algorithm.segmenter.tools=calc,search,lookup", "task.suite=multihop", "task.options.people=12",
                "task.options.testFraction=0.25"));
        assertEquals(c, viaSet);
    }

    @Test
    void recipeIsAppliedFirstThenTheAlgorithmOverridesFromFileAndSet() throws Exception {
        Path file = yaml("""
                algorithm:
                  recipe: gpg
                  branch.m: 32
                  loss:
                    eps-high: 0.28
                """);
        TrainConfig c = TrainConfig.load(file, List.of("algorithm.recipe=arpo", "algorithm.branch.n=4"));
        AlgorithmConfig expected = Recipes.get("arpo").with(Map.of("branch.budget", "32", "loss.eps-high", "0.28",
                "branch.initial-samples", "4"));
        assertEquals("arpo", c.algorithm().recipe());
        assertEquals(expected, c.algorithm().config());
        assertEquals(32, c.algorithm().config().branch().budget());
        assertEquals(4, c.algorithm().config().branch().initialSamples());
        assertEquals("arpo", c.algorithm().config().branchPolicy(), "the recipe's own keys stay");
        assertEquals(0.28, c.algorithm().config().epsHigh());
    }

    @Test
    void withChangesKeysOfAResolvedConfig() {
        TrainConfig base = TrainConfig.fromSets(List.of("algorithm.branch.budget=32", "run.iterations=3"));
        TrainConfig changed = base.with(Map.of("optim.grad-clip", "0.5", "algorithm.branch.width", "2"));
        assertEquals(0.5, changed.optim().gradClip());
        assertEquals(2, changed.algorithm().config().branch().width());
        assertEquals(32, changed.algorithm().config().branch().budget(), "earlier override kept");
        assertEquals(3, changed.run().iterations());
        TrainConfig newRecipe = base.with(Map.of("algorithm.recipe", "grpo", "algorithm.kl.coef", "0.1"));
        assertEquals(Recipes.get("grpo").with("kl.coef", "0.1"), newRecipe.algorithm().config(),
                "a new recipe starts the algorithm over");
        assertEquals(UpdateMode.DATA_PARALLEL, base.with("update.mode", "data-parallel").update().mode());
    }

    @Test
    void emptyFileAndEmptySectionsGiveTheDefaults() throws Exception {
        assertEquals(TrainConfig.defaults(), TrainConfig.load(yaml(""), List.of()));
        assertEquals(TrainConfig.defaults(), TrainConfig.load(yaml("run:\ntask:\n  options:\n"), List.of()));
        assertEquals(TrainConfig.defaults(), TrainConfig.load(yaml("# only a comment\n"), List.of()));
    }
}
