package io.cleave.cli;

import io.cleave.env.protocol.EnvLimits;
import io.cleave.env.protocol.ToolEnvironment;
import io.cleave.env.tasks.Split;
import io.cleave.env.tasks.Task;
import io.cleave.env.tasks.TaskSuite;
import io.cleave.env.tasks.registry.TaskSuiteRegistry;
import io.cleave.model.Policy;
import io.cleave.model.SamplingConfig;
import io.cleave.model.io.ModelDirectory;
import io.cleave.train.eval.EvalResult;
import io.cleave.train.eval.Evaluator;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code cleave eval}: evaluates a model directory on a task suite's split, one trajectory per task with the suite's
 * tools, greedy by default ({@link Evaluator}). Progress goes to stderr ({@code eval 64/500, 12 s}); stdout gets the
 * first {@code --show} trajectories (prompt plus generated text without trailing whitespace, each after a
 * {@code --- example i ---} line), then the summary: a header line naming the run, then accuracy, format-valid
 * rate, mean tool calls, mean length (generated tokens, tool results included) and mean reward, one
 * {@code name: value} line each.
 */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = "Evaluate a model on a task suite's split (one trajectory per task, with tools).")
final class EvalCommand implements Callable<Integer> {

    /** The option key every suite reads its difficulty from. */
    static final String DIFFICULTY_KEY = "difficulty";

    @Option(names = "--model", required = true, paramLabel = "DIR",
            description = "model directory (Cleave or Hugging Face)")
    Path model;

    @Option(names = "--suite", required = true, paramLabel = "NAME",
            description = "task suite: arith, jsonl, multihop")
    String suite;

    @Option(names = "--split", defaultValue = "test", paramLabel = "SPLIT",
            description = "test | train (default: ${DEFAULT-VALUE})")
    String split;

    @Option(names = "--n", defaultValue = "500", paramLabel = "N",
            description = "tasks to evaluate; a finite pool gives at most its size (default: ${DEFAULT-VALUE})")
    int count;

    @Option(names = "--difficulty", paramLabel = "D", description = "suite difficulty (default: the suite's)")
    Integer difficulty;

    @Option(names = "--option", paramLabel = "KEY=VALUE",
            description = "suite option, repeatable (e.g. path=tasks.jsonl for jsonl, people=40 for multihop)")
    Map<String, String> options = new TreeMap<>();

    @Option(names = "--temperature", defaultValue = "0", paramLabel = "T",
            description = "0 = greedy (default: ${DEFAULT-VALUE})")
    double temperature;

    @Option(names = "--max-new-tokens", defaultValue = "256", paramLabel = "N",
            description = "tokens per trajectory after the prompt, tool results included (default: ${DEFAULT-VALUE})")
    int maxNewTokens;

    @Option(names = "--seed", defaultValue = "0", paramLabel = "S",
            description = "seed of the task draw and of sampling (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--show", defaultValue = "0", paramLabel = "K",
            description = "print the first K trajectories (default: ${DEFAULT-VALUE})")
    int show;

    @Override
    public Integer call() {
        if (count < 1) {
            throw new UserException("--n must be >= 1, got " + count);
        }
        if (show < 0) {
            throw new UserException("--show must be >= 0, got " + show);
        }
        Split which = parseSplit(split);
        SamplingConfig sampling = new SamplingConfig(temperature, 0, 1.0);
        TaskSuite taskSuite = TaskSuiteRegistry.create(suite, suiteOptions());
        List<Task> tasks = taskSuite.tasks(which, count, seed);
        if (tasks.isEmpty()) {
            throw new UserException("suite " + suite + " has no " + split + " tasks");
        }
        EvalResult result;
        long started = System.nanoTime();
        try (Policy policy = ModelDirectory.load(model);
                ToolEnvironment env = new ToolEnvironment(taskSuite.tools(), EnvLimits.defaults())) {
            Evaluator evaluator = new Evaluator(policy, env, sampling, maxNewTokens, seed);
            result = evaluator.evaluate(tasks, show, done -> System.err.printf(Locale.ROOT, "eval %d/%d, %d s%n",
                    done, tasks.size(), (System.nanoTime() - started) / 1_000_000_000L));
        }
        for (int i = 0; i < result.examples().size(); i++) {
            System.out.printf("--- example %d ---%n%s%n", i + 1, result.examples().get(i).stripTrailing());
        }
        System.out.printf(Locale.ROOT, "eval %s (difficulty %d) %s: %d tasks, model %s, %s, max-new-tokens %d, "
                + "seed %d%n", taskSuite.name(), taskSuite.difficulty(), split, result.tasks(), model,
                sampling.greedy() ? "greedy" : "temperature " + temperature, maxNewTokens, seed);
        System.out.printf(Locale.ROOT, "accuracy: %.4f%nformat-valid: %.4f%nmean-tool-calls: %.3f%n"
                + "mean-length: %.1f%nmean-reward: %.4f%n", result.accuracy(), result.formatValid(),
                result.meanToolCalls(), result.meanLength(), result.meanReward());
        return 0;
    }

    /** The {@code --option} map plus {@code --difficulty}, which may not also be given as an option. */
    private Map<String, String> suiteOptions() {
        Map<String, String> all = new TreeMap<>(options);
        if (difficulty != null) {
            if (all.containsKey(DIFFICULTY_KEY)) {
                throw new UserException("give the difficulty once: --difficulty or --option difficulty=...");
            }
            all.put(DIFFICULTY_KEY, difficulty.toString());
        }
        return all;
    }

    private static Split parseSplit(String name) {
        return switch (name) {
            case "test" -> Split.TEST;
            case "train" -> Split.TRAIN;
            default -> throw new UserException("--split must be test or train, got '" + name + "'");
        };
    }
}
