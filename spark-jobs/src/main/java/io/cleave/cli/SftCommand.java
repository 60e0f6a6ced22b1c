package io.cleave.cli;

import io.cleave.env.demo.ExpertNoise;
import io.cleave.env.tasks.TaskSuite;
import io.cleave.env.tasks.registry.TaskSuiteRegistry;
import io.cleave.train.LearningRateSchedule;
import io.cleave.train.sft.SftResult;
import io.cleave.train.sft.WarmStart;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code cleave sft}: supervised warm start of a fresh model on the scripted expert's demonstrations. */
@Command(name = "sft", mixinStandardHelpOptions = true,
        description = "Train a fresh model on expert demonstrations of a suite (resumes from OUT/checkpoints).")
final class SftCommand implements Callable<Integer> {

    @Option(names = "--suite", required = true, description = "task suite: arith, multihop, jsonl")
    String suite;

    @Option(names = "--out", required = true, description = "output model directory")
    Path out;

    @Option(names = "--preset", defaultValue = "small", description = "model preset (default: ${DEFAULT-VALUE})")
    String preset;

    @Option(names = "--examples", defaultValue = "4000", description = "demonstrations (default: ${DEFAULT-VALUE})")
    int examples;

    @Option(names = "--noise", defaultValue = "0.1",
            description = "probability of each expert slip: skipped tool, wrong call, operand slip "
                    + "(default: ${DEFAULT-VALUE})")
    double noise;

    @Option(names = "--steps", defaultValue = "600", description = "optimizer steps (default: ${DEFAULT-VALUE})")
    int steps;

    @Option(names = "--batch", defaultValue = "16", description = "sequences per step (default: ${DEFAULT-VALUE})")
    int batch;

    @Option(names = "--lr", defaultValue = "2e-3", description = "peak learning rate (default: ${DEFAULT-VALUE})")
    double lr;

    @Option(names = "--schedule",
            description = "learning-rate decay after the warm-up: cosine, linear (both to a tenth of --lr) or constant "
                    + "(default: the trainer's, cosine)")
    String schedule;

    @Option(names = "--seed", defaultValue = "0", description = "default: ${DEFAULT-VALUE}")
    long seed;

    @Option(names = "--worlds", defaultValue = "1",
            description = "multihop: draw the demonstrations (train splits) from this many generated worlds, the "
                    + "configured one and those of the next world seeds, so that names cannot be memorised; the test "
                    + "split stays the configured world's (default: ${DEFAULT-VALUE})")
    int worlds;

    @Option(names = "--option", description = "suite option, repeatable (e.g. difficulty=2)")
    Map<String, String> options = new TreeMap<>();

    @Override
    public Integer call() throws Exception {
        List<TaskSuite> suites = WarmStart.worlds(TaskSuiteRegistry.create(suite, options), worlds);
        WarmStart warmStart = new WarmStart(preset, examples, new ExpertNoise(noise, noise, noise), steps, batch,
                lr, schedule == null ? LearningRateSchedule.DEFAULT_KIND : LearningRateSchedule.Kind.of(schedule),
                seed);
        long started = System.nanoTime();
        int every = Math.max(1, steps / 20);
        SftResult result = warmStart.run(suites, out, p -> {
            if (p.step() % every == 0 || p.step() == p.totalSteps()) {
                System.err.printf(Locale.ROOT, "sft %d/%d  loss %.4f  lr %.2e  %.0f tok/s  %ds%n", p.step(),
                        p.totalSteps(), p.loss(), p.learningRate(), p.tokensPerSecond(),
                        (System.nanoTime() - started) / 1_000_000_000L);
            }
        });
        System.out.printf(Locale.ROOT, "wrote %s: %d steps, final loss %.4f, %.0f tokens/s, %s%n", out,
                result.steps(), result.finalLoss(), result.tokensPerSecond(), result.wallTime());
        return 0;
    }
}
