package io.cleave.bench;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code cleave bench}: the benchmark command group ({@code algorithms}, {@code throughput}, {@code scaling}). The
 * launcher {@code ./cleave bench ...} runs this class from the bench module's jar. Each command writes its report
 * under {@code bench/results/} with the command line as the first line.
 */
@Command(name = "cleave bench", mixinStandardHelpOptions = true,
        description = "Benchmarks: the algorithm table, model throughput against PyTorch, Spark scaling.",
        subcommands = {AlgorithmsCommand.class, ThroughputCommand.class, ScalingCommand.class})
public final class BenchCli implements Callable<Integer> {

    /** Runs the command group and exits with its status. */
    public static void main(String[] args) {
        System.exit(new CommandLine(new BenchCli()).execute(args));
    }

    @Override
    public Integer call() {
        new CommandLine(this).usage(System.out);
        return 0;
    }
}
