package io.cleave.tests;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cleave.env.tasks.Split;
import io.cleave.env.tasks.Task;
import io.cleave.train.config.TrainConfig;
import io.cleave.train.eval.Evaluator;
import io.cleave.train.metrics.IterationMetrics;
import io.cleave.train.rl.LocalRollouts;
import io.cleave.train.rl.TrainingListener;
import io.cleave.train.rl.TrainingLoop;
import io.cleave.train.rl.TrainingSetup;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A short version of the learning claim: the {@code gpg} recipe, started from a warm-started tiny agent, raises
 * held-out greedy accuracy on arith within a few iterations (the training loop with the single-process back-end).
 */
class GpgLearningIT {

    @TempDir
    Path tmp;

    @Test
    void gpgRaisesHeldOutAccuracyOnATinySetup() {
        List<String> sets = new ArrayList<>(List.of(TinyWarmStart.settings(tmp, 10)));
        sets.addAll(List.of("task.prompts-per-iteration=8", "algorithm.branch.initial-samples=4",
                "algorithm.branch.budget=8", "optim.lr=1e-4", "rollout.temperature=0.7", "rollout.max-new-tokens=100"));
        TrainConfig config = TrainConfig.fromSets(sets);
        try (TrainingSetup setup = TrainingSetup.create(config);
                LocalRollouts local = new LocalRollouts(setup, 1)) {
            List<Task> heldOut = setup.suite().tasks(Split.TEST, 64, 3);
            Evaluator eval = setup.evaluator();
            double before = eval.evaluate(heldOut, 0, n -> { }).accuracy();
            TrainingLoop loop = new TrainingLoop(setup, local, setup.update(), Optional.empty(),
                    TrainingListener.NONE);
            for (int it = 1; it <= config.run().iterations(); it++) {
                IterationMetrics m = loop.iterate(it);
                System.out.printf(Locale.ROOT, "iteration %d reward %.3f accuracy %.3f%n", it, m.rollout().reward(),
                        m.rollout().accuracy());
            }
            double after = eval.evaluate(heldOut, 0, n -> { }).accuracy();
            System.out.printf(Locale.ROOT, "held-out accuracy %.3f -> %.3f%n", before, after);
            assertTrue(after > before, "held-out accuracy " + before + " -> " + after);
        }
    }
}
