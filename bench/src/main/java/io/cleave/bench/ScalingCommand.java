package io.cleave.bench;

import io.cleave.cli.DemoSettings;
import io.cleave.model.ModelConfig;
import io.cleave.model.Policy;
import io.cleave.model.io.ModelDirectory;
import io.cleave.spark.train.SparkTrainer;
import io.cleave.tokenizer.CharTokenizer;
import io.cleave.train.config.TrainConfig;
import io.cleave.train.run.FileTrees;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code cleave bench scaling}: the demo's GPG config (N = 4, up to 96 new tokens; a fresh model of the preset, so
 * every trajectory runs to the limit, or a given model directory) on {@code local-cluster} with 1 and 2 single-core
 * executors at 8 and at 16 prompts, then at 2 executors as the prompt batch grows (2, 4, 8, 16) and as the beaming
 * budget M grows (4, 8, 16, 32), with the in-process batch-split bounds at both batches; a cost model fitted to
 * the points projects the iteration time for GPU executors. Writes
 * {@code bench/results/scaling.md}, {@code scaling.csv} and {@code scaling-projection.csv}.
 */
@Command(name = "scaling", mixinStandardHelpOptions = true,
        description = "Rollout and iteration time vs executors, prompts and budget M; cost model -> bench/results/")
final class ScalingCommand implements Callable<Integer> {

    /** Generation limit per trajectory. */
    static final int MAX_NEW_TOKENS = 96;

    /** Initial samples per prompt (N); beaming then grows each prompt to M leaves. */
    static final int INITIAL_SAMPLES = 4;

    /** Prompt batches at which 1 and 2 executors are compared (the first is the base of the other sweeps). */
    static final int[] SPLIT_PROMPTS = {8, 16};

    @Option(names = "--iterations", defaultValue = "4",
            description = "iterations per configuration, the first not counted (default: ${DEFAULT-VALUE})")
    int iterations;

    @Option(names = "--preset", defaultValue = "small", description = "model preset (default: ${DEFAULT-VALUE})")
    String preset;

    @Option(names = "--model", description = "model directory to roll out (default: fresh weights of the preset)")
    Path modelDir;

    @Override
    public Integer call() throws Exception {
        String header = BenchContext.header("./cleave bench scaling" + (iterations == 4 ? "" : " --iterations "
                + iterations) + (preset.equals("small") ? "" : " --preset " + preset) + (modelDir == null ? ""
                : " --model " + modelDir));
        Path model = modelDir != null ? modelDir : freshModel(preset);
        LocalClusterSetup.prepare(2048);
        Path work = BenchContext.work("scaling");
        List<ScalingPoint> points = new ArrayList<>();
        for (int prompts : SPLIT_PROMPTS) {
            points.add(run(work, "executors", 1, prompts, 8, model));
            points.add(run(work, "executors", 2, prompts, 8, model));
        }
        ScalingPoint base = points.get(1);
        for (int prompts : new int[] {2, 4}) {
            points.add(run(work, "prompts", 2, prompts, 8, model));
        }
        for (int budget : new int[] {4, 16, 32}) {
            points.add(run(work, "budget", 2, 8, budget, model));
        }
        List<BatchSplitBound> bounds = new ArrayList<>();
        for (int prompts : SPLIT_PROMPTS) {
            bounds.add(BatchSplitBound.measure(model, prompts * INITIAL_SAMPLES, 128));
        }
        CostModel cost = CostModel.fit(points);
        ScalingReport report = new ScalingReport(header, modelDir == null ? "fresh `" + preset + "`"
                : modelDir.toString(), iterations, points, base, cost, bounds);
        Path results = BenchContext.results();
        Files.writeString(results.resolve("scaling.md"), report.markdown());
        Files.writeString(results.resolve("scaling.csv"), report.measurementsCsv());
        Files.writeString(results.resolve("scaling-projection.csv"), report.projectionCsv());
        System.out.print(report.markdown());
        return 0;
    }

    private static Path freshModel(String preset) throws Exception {
        Path dir = BenchContext.work("scaling").resolve("fresh-" + preset);
        if (!Files.exists(dir.resolve("config.json"))) {
            CharTokenizer tokenizer = CharTokenizer.instance();
            try (Policy policy = Policy.initialize(ModelConfig.preset(preset, tokenizer.vocabSize()), tokenizer, 0)) {
                ModelDirectory.save(policy, dir, null);
            }
        }
        return dir;
    }

    private ScalingPoint run(Path work, String sweep, int executors, int prompts, int budget, Path model)
            throws Exception {
        Path runDir = work.resolve(sweep + "-e" + executors + "-p" + prompts + "-m" + budget);
        FileTrees.delete(runDir);
        List<String> sets = new ArrayList<>(DemoSettings.TRAIN_SETTINGS);
        sets.addAll(List.of("model.dir=" + model, "run.dir=" + runDir, "run.iterations=" + iterations,
                "task.eval-every=0", "checkpoint.every=" + iterations, "task.prompts-per-iteration=" + prompts,
                "algorithm.branch.initial-samples=" + INITIAL_SAMPLES, "algorithm.branch.budget=" + budget,
                "rollout.max-new-tokens=" + MAX_NEW_TOKENS));
        System.out.printf("scaling: %s sweep, %d executor(s), %d prompts, M %d ...%n", sweep, executors, prompts,
                budget);
        SparkTrainer.run(TrainConfig.fromSets(sets), "local-cluster[" + executors + ",1,2048]", false,
                new PrintStream(new ByteArrayOutputStream()));
        return ScalingPoint.of(sweep, executors, prompts, budget, runDir.resolve("metrics.jsonl"));
    }
}
