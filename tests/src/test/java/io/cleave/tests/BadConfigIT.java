package io.cleave.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cleave.tests.harness.JavaProcess;
import io.cleave.tests.harness.TestClasspath;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cleave train} with a bad configuration, run as a real CLI process: its whole output is one {@code error:}
 * line naming the key and what the key allows, the exit code is 2, and it exits before Spark starts (no Spark log
 * line, no metrics, within seconds).
 */
class BadConfigIT {

    private static final Duration LIMIT = Duration.ofSeconds(60);
    /**
     * What the JVM itself prints for the harness's {@code --add-modules=jdk.incubator.vector} (Spark's module flags,
     * which {@code ./cleave} does not pass); it is not Cleave's output.
     */
    private static final String JVM_BANNER = "WARNING: Using incubator modules: jdk.incubator.vector";

    @TempDir
    Path tmp;

    @Test
    void everyBadConfigIsOneErrorLineNamingTheKeyAndNoSparkStarts() throws Exception {
        Path yamlType = Files.writeString(tmp.resolve("type.yaml"), "run:\n  iterations: [1, 2]\n");
        Path yamlUnknown = Files.writeString(tmp.resolve("unknown.yaml"), "rollout:\n  temprature: 0.5\n");
        Path yamlRange = Files.writeString(tmp.resolve("range.yaml"), "optim:\n  lr: 1e-3\n  beta1: 1.5\n");
        Path empty = Files.writeString(tmp.resolve("empty.jsonl"), "");
        List<Case> cases = List.of(
                new Case(List.of("--set", "optim.lrr=1"), "unknown key 'optim.lrr' (--set); known keys of section "
                        + "optim: [optim.lr, optim.warmup-steps, optim.weight-decay, optim.grad-clip, optim.beta1, "
                        + "optim.beta2, optim.eps, optim.max-nonfinite-steps]; did you mean optim.lr?"),
                new Case(List.of("--config", yamlUnknown.toString()), "unknown key 'rollout.temprature' ("
                        + yamlUnknown + ":2); known keys of section rollout: [rollout.max-new-tokens, "
                        + "rollout.temperature, rollout.top-p, rollout.top-k]; did you mean rollout.temperature?"),
                new Case(List.of("--set", "run.iterations=many"), "run.iterations = 'many' (--set): not an integer"),
                new Case(List.of("--config", yamlType.toString()), "run.iterations = '1,2' (" + yamlType
                        + ":2): not an integer"),
                new Case(List.of("--set", "run.seed=1.5"), "run.seed = '1.5' (--set): not a 64-bit integer"),
                new Case(List.of("--set", "rollout.top-p=2"),
                        "rollout.top-p = '2' (--set): top_p must be in (0, 1], got 2.0"),
                new Case(List.of("--config", yamlRange.toString()), "optim.beta1 = '1.5' (" + yamlRange
                        + ":3): beta1 must be in [0, 1), got 1.5"),
                new Case(List.of("--set", "checkpoint.every=0"),
                        "checkpoint.every = '0' (--set): checkpoint.every must be >= 1, got 0"),
                new Case(List.of("--set", "update.mode=everywhere"), "update.mode = 'everywhere' (--set): "
                        + "update.mode must be one of [driver, data-parallel], got 'everywhere'"),
                new Case(List.of("--set", "algorithm.loss.eps-low=-0.1"),
                        "algorithm.loss.eps-low = '-0.1' (--set): loss.eps-low must be in (0, 1), got -0.1"),
                new Case(List.of("--set", "algorithm.branch.initial-samples=8", "--set", "algorithm.branch.budget=4"),
                        "algorithm.branch.budget = '4' (--set): branch.budget (M) = 4 must be >= "
                                + "branch.initial-samples (N) = 8"),
                new Case(List.of("--set", "task.prompts-per-iteration=2", "--set", "algorithm.recipe=grpo", "--set",
                        "algorithm.branch.initial-samples=2", "--set", "algorithm.branch.budget=2", "--set",
                        "algorithm.train.minibatches=8"), "algorithm.train.minibatches = 8 must be <= the "
                        + "trajectories of an iteration, task.prompts-per-iteration (2) x algorithm.branch.budget "
                        + "(2) = 4"),
                new Case(List.of("--set", "model.init-preset=tiny", "--set", "rollout.max-new-tokens=600"),
                        "rollout.max-new-tokens = 600 must be below the model's max_position_embeddings (512) to "
                                + "leave room for the prompt"),
                new Case(List.of("--set", "task.suite=jsonl", "--set", "task.options.path=" + empty),
                        "no usable task rows in " + empty + ": the file has no rows"),
                new Case(List.of("--set", "task.suite=arith", "--set", "task.options.colour=red"),
                        "unknown option 'colour' for task suite arith; known options: [difficulty, testFraction]"),
                new Case(List.of("--resume", "sometimes"), "--resume must be auto or none, got 'sometimes'"));
        String classpath = TestClasspath.entries().stream()
                .filter(p -> !p.getFileName().toString().startsWith("slf4j-simple"))
                .map(Path::toString).collect(Collectors.joining(File.pathSeparator));
        int n = 0;
        for (Case c : cases) {
            Path runDir = tmp.resolve("run-" + n);
            List<String> args = new ArrayList<>(List.of("train", "--set", "run.dir=" + runDir));
            args.addAll(c.args());
            long start = System.nanoTime();
            try (JavaProcess cli = JavaProcess.start("cleave train", tmp.resolve("cli-" + n + ".log"), classpath,
                    List.of("-Xmx1g"), "io.cleave.cli.CleaveCli", args, Map.of())) {
                int exit = cli.awaitExit(LIMIT);
                String log = cli.log();
                assertEquals(List.of("error: " + c.expected()), log.lines().filter(l -> !l.equals(JVM_BANNER))
                        .toList(), "output of " + c.args());
                assertEquals(2, exit, "exit code of " + c.args());
                assertFalse(log.contains("SparkContext"), "no Spark for " + c.args());
            }
            assertTrue(System.nanoTime() - start < LIMIT.toNanos(), "quick exit");
            assertFalse(Files.exists(runDir.resolve("metrics.jsonl")), "no iteration ran for " + c.args());
            n++;
        }
    }

    /** Arguments after {@code train --set run.dir=...} and the error line expected after {@code "error: "}. */
    private record Case(List<String> args, String expected) {}
}
