package io.cleave.spark.ml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cleave.env.protocol.EnvLimits;
import io.cleave.env.protocol.ToolEnvironment;
import io.cleave.model.Policy;
import io.cleave.model.SamplingConfig;
import io.cleave.model.io.ModelDirectory;
import io.cleave.rollout.branch.BranchParams;
import io.cleave.rollout.branch.BranchPolicies;
import io.cleave.rollout.engine.PromptRollout;
import io.cleave.rollout.engine.PromptSpec;
import io.cleave.rollout.engine.RolloutConfig;
import io.cleave.rollout.engine.RolloutEngine;
import io.cleave.rollout.segment.Segmenters;
import io.cleave.env.tasks.Task;
import io.cleave.env.tasks.jsonl.JsonlConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fits {@link CleaveTrainer} on a handful of prompts with the tiny preset, then checks what a user relies on: the
 * run directory, generations that repeat for the same seed before and after save/load (and match a single-process
 * rollout of the saved model), and a Pipeline that fits, saves and loads.
 */
class CleaveTrainerTest {

    @TempDir
    Path tmp;

    @Test
    void fittedModelRoundTripsThroughSaveAndLoadWithEqualGenerations() throws Exception {
        Dataset<Row> prompts = PromptFrames.additions(4);
        CleaveTrainer trainer = PromptFrames.tinyTrainer(tmp.resolve("run").toString(), 2);
        CleavePolicyModel model = trainer.fit(prompts).setTrajectoryCol("trajectory").setRewardCol("reward");

        assertEquals(2, Files.readAllLines(tmp.resolve("run/metrics.jsonl")).size());
        assertEquals(4, Files.readAllLines(tmp.resolve("run/prompts.jsonl")).size());
        assertEquals(trainer, model.parent());
        assertEquals(7, model.getSeed(), "copied from the trainer");

        List<Row> first = sorted(model.transform(prompts));
        assertEquals(4, first.size());
        assertEquals(List.of("id", "prompt", "answer", "response", "trajectory", "reward"),
                List.of(model.transform(prompts).columns()));
        model.write().save(tmp.resolve("saved").toString());
        CleavePolicyModel loaded = CleavePolicyModel.load(tmp.resolve("saved").toString());
        assertEquals(model.uid(), loaded.uid());
        assertEquals("trajectory", loaded.getOrDefault(loaded.trajectoryCol()));
        assertEquals(first, sorted(loaded.transform(prompts)));
        assertEquals(first, sorted(loaded.transform(prompts)));
        assertEquals(first.stream().map(r -> r.getString(3)).toList(), singleProcess(loaded, prompts, 1.0));

        List<Row> greedy = sorted(loaded.setTemperature(0).transform(prompts));
        assertEquals(singleProcess(loaded, prompts, 0.0), greedy.stream().map(r -> r.getString(3)).toList());
        List<Row> otherSeed = sorted(loaded.setTemperature(1.0).setSeed(8).transform(prompts));
        assertNotEquals(first.stream().map(r -> r.getString(3)).toList(),
                otherSeed.stream().map(r -> r.getString(3)).toList());

        trainer.write().save(tmp.resolve("trainer").toString());
        CleaveTrainer reloaded = CleaveTrainer.load(tmp.resolve("trainer").toString());
        assertEquals(trainer.uid(), reloaded.uid());
        assertEquals(trainer.config().toMap(), reloaded.config().toMap());
    }

    @Test
    void pipelineFitsTransformsSavesAndLoads() throws Exception {
        Dataset<Row> prompts = PromptFrames.additions(4);
        Pipeline pipeline = new Pipeline().setStages(new PipelineStage[] {
            PromptFrames.tinyTrainer(tmp.resolve("run").toString(), 1).setOutputCol("generated")});
        pipeline.write().save(tmp.resolve("pipeline").toString());
        Pipeline pipelineLoaded = Pipeline.load(tmp.resolve("pipeline").toString());
        assertEquals(tmp.resolve("run").toString(),
                ((CleaveTrainer) pipelineLoaded.getStages()[0]).getRunDir());

        PipelineModel fitted = pipelineLoaded.fit(prompts);
        List<Row> generated = sorted(fitted.transform(prompts));
        assertEquals(4, generated.size());
        assertTrue(generated.stream().allMatch(r -> !r.getString(3).isEmpty()));
        fitted.write().save(tmp.resolve("fitted").toString());
        PipelineModel loaded = PipelineModel.load(tmp.resolve("fitted").toString());
        assertEquals(List.of("id", "prompt", "answer", "generated"), List.of(loaded.transform(prompts).columns()));
        assertEquals(generated, sorted(loaded.transform(prompts)));
    }

    /** The saved model's responses by a single-process rollout of its model directory, in id order. */
    private static List<String> singleProcess(CleavePolicyModel model, Dataset<Row> prompts, double temperature) {
        JsonlConfig suite = PromptSuite.config(model.config().task().options());
        try (Policy policy = ModelDirectory.load(Path.of(model.modelDir()));
                ToolEnvironment env = new ToolEnvironment(PromptSuite.tools(suite), EnvLimits.defaults())) {
            RolloutEngine engine = new RolloutEngine(policy, env,
                    BranchPolicies.create("none", BranchParams.defaults().withSamples(1, 1)),
                    Segmenters.create("sequence"), new RolloutConfig(new SamplingConfig(temperature, 0, 1.0),
                    model.getMaxNewTokens(), model.getSeed()));
            List<PromptSpec> specs = sorted(prompts).stream().map(r -> {
                Task task = PromptSuite.task(suite, r.getString(0), r.getString(1), r.getString(2));
                return new PromptSpec(task.id(), policy.tokenizer().encode(task.prompt()), task);
            }).toList();
            return engine.run(specs, 0).stream().map(r -> r.texts().get(0)).toList();
        }
    }

    /** The rows collected and ordered by id on the driver. */
    private static List<Row> sorted(Dataset<Row> frame) {
        return frame.collectAsList().stream().sorted(Comparator.comparing((Row r) -> r.getString(0))).toList();
    }
}
