package io.cleave.cli;

import io.cleave.spark.train.SparkTrainer;
import io.cleave.spark.train.TrainSummary;
import io.cleave.train.config.TrainConfig;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code cleave train}: the Spark training job. The same class runs under {@code spark-submit} through
 * {@link io.cleave.cli.SparkTrainMain}.
 */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Train with GPG/ARPO on Spark (default master local[*]).")
final class TrainCommand implements Callable<Integer> {

    @Option(names = "--config", description = "YAML config file (see cluster-conf/examples/README.md)")
    Path config;

    @Option(names = "--set", description = "override a key: --set optim.lr=3e-4 (repeatable)")
    List<String> sets = List.of();

    @Option(names = "--master", description = "Spark master URL (overrides spark.master)")
    String master;

    @Option(names = "--resume", description = "auto: continue from the newest complete checkpoint; none: fresh run",
            defaultValue = "none")
    String resume;

    @Override
    public Integer call() throws Exception {
        if (!resume.equals("auto") && !resume.equals("none")) {
            throw new UserException("--resume must be auto or none, got '" + resume + "'");
        }
        TrainConfig resolved = config == null ? TrainConfig.fromSets(sets) : TrainConfig.load(config, sets);
        TrainSummary summary = SparkTrainer.run(resolved, master, resume.equals("auto"), System.out);
        System.out.printf(Locale.ROOT, "done: iterations %d-%d, held-out accuracy %.3f -> %.3f, weights in %s%n",
                summary.firstIteration(), summary.lastIteration(), summary.evalBefore(), summary.evalAfter(),
                summary.finalWeights());
        return 0;
    }
}
