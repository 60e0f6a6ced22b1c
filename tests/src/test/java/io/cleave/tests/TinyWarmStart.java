package io.cleave.tests;

import io.cleave.env.demo.ExpertNoise;
import io.cleave.env.tasks.registry.TaskSuiteRegistry;
import io.cleave.train.LearningRateSchedule;
import io.cleave.train.sft.WarmStart;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * A tiny model warm-started on noisy arith demonstrations (difficulty 1), written once per build under
 * {@code target/} and shared by the training ITs: it calls tools, so rewards vary and updates are non-trivial.
 */
final class TinyWarmStart {

    static final Map<String, String> SUITE_OPTIONS = Map.of("difficulty", "1");
    private static final Path DIR = Path.of("target", "it-tiny-warm-start");

    private TinyWarmStart() {}

    static synchronized Path model() {
        if (!Files.exists(DIR.resolve("config.json"))) {
            try {
                new WarmStart("tiny", 400, new ExpertNoise(0.15, 0.15, 0.15), 800, 16, 3e-3,
                        LearningRateSchedule.DEFAULT_KIND, 1)
                        .run(TaskSuiteRegistry.create("arith", SUITE_OPTIONS), DIR, p -> { });
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return DIR;
    }

    /** Training settings of a short GPG run on the warm-started tiny model. */
    static String[] settings(Path runDir, int iterations) {
        return new String[] {"run.dir=" + runDir, "run.iterations=" + iterations, "run.seed=3",
            "model.dir=" + model(), "task.suite=arith", "task.options.difficulty=1",
            "task.prompts-per-iteration=4", "task.eval-every=0", "rollout.max-new-tokens=80",
            "optim.lr=1e-3", "algorithm.recipe=gpg", "algorithm.segmenter.tools=calc",
            "algorithm.branch.initial-samples=2", "algorithm.branch.budget=4", "checkpoint.every=1"};
    }
}
