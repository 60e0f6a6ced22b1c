package io.cleave.bench;

import io.cleave.env.tasks.Split;
import io.cleave.env.tasks.Task;
import io.cleave.train.eval.EvalResult;
import io.cleave.train.rl.GpgTrainer;
import io.cleave.train.metrics.IterationMetrics;
import io.cleave.train.rl.TrainingSetup;
import io.cleave.train.config.TrainConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Trains one variant on one suite from the SFT checkpoint with the single-process trainer ({@link GpgTrainer}, the
 * reference the Spark job agrees with), evaluating greedily on the same held-out tasks along the way. Sampled
 * tokens per iteration are the trainer's count over the kept prompt groups, scaled by drawn over kept prompts when
 * dynamic sampling dropped groups (their tokens were sampled too).
 */
final class AlgorithmRunner {

    /** Prompts of the calibration rollout that measures a variant's tokens per prompt. */
    static final int CALIBRATION_PROMPTS = 4;

    private final AlgorithmPlan plan;
    private final Path sft;
    private final String suite;

    AlgorithmRunner(AlgorithmPlan plan, Path sft, String suite) {
        this.plan = plan;
        this.sft = sft;
        this.suite = suite;
    }

    /**
     * Policy tokens a variant samples per prompt from the SFT checkpoint: one iteration of {@link #CALIBRATION_PROMPTS}
     * prompts (seed 0) in a throwaway setup.
     */
    double tokensPerPrompt(AlgorithmVariant variant) {
        try (TrainingSetup setup = TrainingSetup.create(config(variant, 0, CALIBRATION_PROMPTS))) {
            GpgTrainer trainer = setup.localTrainer(1, 0);
            IterationMetrics m = trainer.iterate(1);
            return sampled(m, trainer.cursor()) / trainer.cursor();
        }
    }

    /** Trains {@code plan.iterations()} iterations with {@code prompts} prompts each. */
    RunResult train(AlgorithmVariant variant, long seed, int prompts) {
        try (TrainingSetup setup = TrainingSetup.create(config(variant, seed, prompts))) {
            List<Task> tasks = setup.suite().tasks(Split.TEST, plan.evalSize(), 0);
            GpgTrainer trainer = setup.localTrainer(1, 0);
            List<RunResult.CurvePoint> curve = new ArrayList<>();
            curve.add(point(setup, tasks, 0, 0));
            double tokens = 0;
            double seconds = 0;
            for (int it = 1; it <= plan.iterations(); it++) {
                long cursorBefore = trainer.cursor();
                long t0 = System.nanoTime();
                IterationMetrics m = trainer.iterate(it);
                seconds += (System.nanoTime() - t0) / 1e9;
                tokens += sampled(m, trainer.cursor() - cursorBefore);
                if (it % plan.evalEvery() == 0 || it == plan.iterations()) {
                    curve.add(point(setup, tasks, it, tokens));
                }
            }
            return new RunResult(variant.name(), suite, seed, prompts, curve, seconds);
        }
    }

    private static double sampled(IterationMetrics m, long drawnPrompts) {
        return m.prompts() == 0 ? 0 : m.sampledTokens() * (double) drawnPrompts / m.prompts();
    }

    private static RunResult.CurvePoint point(TrainingSetup setup, List<Task> tasks, int iteration, double tokens) {
        EvalResult r = setup.evaluator().evaluate(tasks, 0, n -> { });
        double solved = r.accuracy() * r.tasks();
        return new RunResult.CurvePoint(iteration, tokens, r.accuracy(),
                solved == 0 ? Double.NaN : r.meanToolCalls() * r.tasks() / solved);
    }

    private TrainConfig config(AlgorithmVariant variant, long seed, int prompts) {
        List<String> sets = new ArrayList<>(List.of("model.dir=" + sft, "run.seed=" + seed, "task.suite=" + suite,
                "task.prompts-per-iteration=" + prompts, "rollout.max-new-tokens=" + plan.maxNewTokens(),
                "rollout.temperature=1.0", "optim.lr=" + plan.lr(), "optim.warmup-steps=0", "task.eval-every=0",
                "algorithm.train.minibatches=" + plan.minibatches()));
        plan.setup(suite).options().forEach((k, v) -> sets.add("task.options." + k + "=" + v));
        sets.addAll(variant.sets());
        return TrainConfig.fromSets(sets);
    }
}
