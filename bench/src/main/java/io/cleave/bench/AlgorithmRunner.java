package io.cleave.bench;

import io.cleave.env.tasks.Split;
import io.cleave.env.tasks.Task;
import io.cleave.train.config.TrainConfig;
import io.cleave.train.eval.EvalResult;
import io.cleave.train.metrics.IterationMetrics;
import io.cleave.train.rl.LocalRollouts;
import io.cleave.train.rl.TrainingListener;
import io.cleave.train.rl.TrainingLoop;
import io.cleave.train.rl.TrainingSetup;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Trains one variant on one suite from the SFT checkpoint with the single-process training loop
 * ({@link TrainingLoop} with {@link LocalRollouts}, which the Spark job agrees with), keeping no checkpoints and
 * evaluating greedily on the same held-out tasks along the way. Sampled tokens per iteration are the loop's count
 * over every prompt drawn, including groups dynamic sampling dropped (their tokens were sampled too).
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
        try (TrainingSetup setup = TrainingSetup.create(config(variant, 0, CALIBRATION_PROMPTS));
                LocalRollouts rollouts = new LocalRollouts(setup, 1)) {
            TrainingLoop loop = loop(setup, rollouts);
            IterationMetrics m = loop.iterate(1);
            return m.rollout().sampledTokens() / (double) loop.cursor();
        }
    }

    /** Trains {@code plan.iterations()} iterations with {@code prompts} prompts each. */
    RunResult train(AlgorithmVariant variant, long seed, int prompts) {
        try (TrainingSetup setup = TrainingSetup.create(config(variant, seed, prompts));
                LocalRollouts rollouts = new LocalRollouts(setup, 1)) {
            List<Task> tasks = setup.suite().tasks(Split.TEST, plan.evalSize(), 0);
            TrainingLoop loop = loop(setup, rollouts);
            List<RunResult.CurvePoint> curve = new ArrayList<>();
            curve.add(point(setup, tasks, 0, 0));
            double tokens = 0;
            double seconds = 0;
            for (int it = 1; it <= plan.iterations(); it++) {
                long t0 = System.nanoTime();
                IterationMetrics m = loop.iterate(it);
                seconds += (System.nanoTime() - t0) / 1e9;
                tokens += m.rollout().sampledTokens();
                if (it % plan.evalEvery() == 0 || it == plan.iterations()) {
                    curve.add(point(setup, tasks, it, tokens));
                }
            }
            return new RunResult(variant.name(), suite, seed, prompts, curve, seconds);
        }
    }

    /** The training loop of a benchmark run: no checkpoints, no listener (the runner evaluates itself). */
    private static TrainingLoop loop(TrainingSetup setup, LocalRollouts rollouts) {
        return new TrainingLoop(setup, rollouts, setup.update(), Optional.empty(), TrainingListener.NONE);
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
