package io.cleave.cli;

import io.cleave.env.demo.ExpertNoise;
import io.cleave.env.tasks.registry.TaskSuiteRegistry;
import io.cleave.spark.train.SparkTrainer;
import io.cleave.spark.train.TrainSummary;
import io.cleave.train.LearningRateSchedule;
import io.cleave.train.config.TrainConfig;
import io.cleave.train.sft.WarmStart;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code cleave demo}: the supervised warm start of the {@code small} model on {@code arith} (once), then GPG
 * training on Spark {@code local[*]}, ending with held-out accuracy before and after. About 10 minutes on 2 cores.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "SFT warm start (once), then GPG training on arith on local[*]; accuracy before and after.")
final class DemoCommand implements Callable<Integer> {


    @Option(names = "--out", defaultValue = "runs/demo", description = "demo directory (default: ${DEFAULT-VALUE})")
    Path out;

    @Option(names = "--iterations", defaultValue = "20", description = "GPG iterations (default: ${DEFAULT-VALUE})")
    int iterations;

    @Option(names = "--sft-steps", defaultValue = "800", description = "warm-start steps (default: ${DEFAULT-VALUE})")
    int sftSteps;

    @Option(names = "--set", description = "override a training key (repeatable)")
    List<String> sets = List.of();

    @Override
    public Integer call() throws Exception {
        Path sft = out.resolve("sft");
        if (!Files.exists(sft.resolve("config.json"))) {
            System.out.println("step 1/2: supervised warm start of the small model on arith demonstrations");
            long started = System.nanoTime();
            int every = Math.max(1, sftSteps / 10);
            new WarmStart("small", 4000, new ExpertNoise(0.1, 0.1, 0.1), sftSteps, 16, 2e-3,
                    LearningRateSchedule.DEFAULT_KIND, 0)
                    .run(TaskSuiteRegistry.create("arith", Map.of()), sft, p -> {
                        if (p.step() % every == 0) {
                            System.out.printf(Locale.ROOT, "  sft %d/%d  loss %.3f  %ds%n", p.step(), p.totalSteps(),
                                    p.loss(), (System.nanoTime() - started) / 1_000_000_000L);
                        }
                    });
        } else {
            System.out.println("step 1/2: warm start already in " + sft);
        }
        System.out.println("step 2/2: GPG training on Spark local[*]");
        List<String> all = new ArrayList<>(DemoSettings.TRAIN_SETTINGS);
        all.add("model.dir=" + sft);
        all.add("run.dir=" + out.resolve("train"));
        all.add("run.iterations=" + iterations);
        all.add("task.eval-every=" + iterations);
        all.add("checkpoint.every=" + iterations);
        all.addAll(sets);
        TrainConfig config = TrainConfig.fromSets(all);
        TrainSummary summary = SparkTrainer.run(config, null, true, System.out);
        System.out.printf(Locale.ROOT, "held-out accuracy on arith (test split, %d tasks, greedy): %.3f before, "
                + "%.3f after GPG%n", config.task().evalSize(), summary.evalBefore(), summary.evalAfter());
        return 0;
    }
}
