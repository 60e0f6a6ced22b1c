package io.cleave.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cleave.env.tasks.Split;
import io.cleave.env.tasks.Task;
import io.cleave.env.tasks.registry.TaskSuiteRegistry;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cleave eval} on a tiny randomly initialised model: every summary field in its range, the examples are the
 * requested split's tasks, greedy runs repeat, and bad suites or options are one-line errors.
 */
class EvalCommandTest {

    @TempDir
    static Path tmp;

    private static Path model;

    @BeforeAll
    static void initTinyModel() {
        model = tmp.resolve("tiny");
        assertEquals(0, CliRun.of("init", "--preset", "tiny", "--out", model.toString(), "--seed", "1").code());
    }

    @Test
    void printsEverySummaryFieldAndTheRequestedExamples() {
        CliRun run = CliRun.of("eval", "--model", model.toString(), "--suite", "arith", "--n", "8",
                "--max-new-tokens", "24", "--seed", "3", "--show", "2");
        assertEquals(0, run.code(), run.err());
        assertTrue(run.err().lines().anyMatch(l -> l.matches("eval 8/8, \\d+ s")), run.err());

        List<Task> tasks = TaskSuiteRegistry.create("arith", Map.of()).tasks(Split.TEST, 8, 3);
        String out = run.out();
        int first = out.indexOf("--- example 1 ---\n");
        int second = out.indexOf("--- example 2 ---\n");
        int header = out.indexOf("eval arith");
        assertEquals(0, first, out);
        assertTrue(second > first && header > second, out);
        assertFalse(out.contains("--- example 3 ---"), out);
        String example1 = out.substring(first + "--- example 1 ---\n".length(), second);
        String example2 = out.substring(second + "--- example 2 ---\n".length(), header);
        assertTrue(example1.startsWith("Q: ") && example1.startsWith(tasks.get(0).prompt().stripTrailing()), example1);
        assertTrue(example2.startsWith("Q: ") && example2.startsWith(tasks.get(1).prompt().stripTrailing()), example2);

        Map<String, Double> summary = summary(out.substring(header));
        assertEquals(List.of("accuracy", "format-valid", "mean-tool-calls", "mean-length", "mean-reward"),
                List.copyOf(summary.keySet()));
        assertTrue(out.substring(header).startsWith("eval arith (difficulty 2) test: 8 tasks, model " + model
                + ", greedy, max-new-tokens 24, seed 3\n"), out);
        assertBetween(summary.get("accuracy"), 0, 1);
        assertBetween(summary.get("format-valid"), 0, 1);
        assertBetween(summary.get("mean-tool-calls"), 0, 6);
        assertBetween(summary.get("mean-length"), 1, 24);
        assertBetween(summary.get("mean-reward"), -1, 1.1);
    }

    @Test
    void greedyRunsRepeatAndSplitAndDifficultyReachTheSuite() {
        String[] args = {"eval", "--model", model.toString(), "--suite", "arith", "--n", "2", "--split", "train",
            "--difficulty", "1", "--max-new-tokens", "8", "--show", "2"};
        CliRun run = CliRun.of(args);
        assertEquals(0, run.code(), run.err());
        assertEquals(run.out(), CliRun.of(args).out());
        assertTrue(run.out().contains("eval arith (difficulty 1) train: 2 tasks,"), run.out());
        Task firstTrain = TaskSuiteRegistry.create("arith", Map.of("difficulty", "1")).tasks(Split.TRAIN, 2, 0).get(0);
        assertTrue(run.out().startsWith("--- example 1 ---\n" + firstTrain.prompt().stripTrailing()), run.out());
    }

    @Test
    void badSuitesAndOptionsAreOneLineErrors() {
        String m = model.toString();
        assertError("unknown task suite 'algebra'; known suites: [arith, jsonl, multihop]",
                "--model", m, "--suite", "algebra");
        assertError("arith difficulty must be in [1, 4], got 9", "--model", m, "--suite", "arith", "--difficulty", "9");
        assertError("unknown option 'depth' for task suite arith; known options: [difficulty, testFraction]",
                "--model", m, "--suite", "arith", "--option", "depth=3");
        assertError("give the difficulty once: --difficulty or --option difficulty=...",
                "--model", m, "--suite", "arith", "--difficulty", "1", "--option", "difficulty=2");
        assertError("--split must be test or train, got 'dev'", "--model", m, "--suite", "arith", "--split", "dev");
        assertError("--n must be >= 1, got 0", "--model", m, "--suite", "arith", "--n", "0");
        assertError("temperature must be >= 0, got -1.0", "--model", m, "--suite", "arith", "--temperature", "-1");
        Path none = tmp.resolve("none");
        assertError("model directory not found: " + none, "--model", none.toString(), "--suite", "arith", "--n", "1");
    }

    private static void assertError(String message, String... evalArgs) {
        String[] args = new String[evalArgs.length + 1];
        args[0] = "eval";
        System.arraycopy(evalArgs, 0, args, 1, evalArgs.length);
        assertEquals(new CliRun(CleaveCli.USER_ERROR, "", "error: " + message + "\n"), CliRun.of(args));
    }

    /** The {@code name: value} lines after the header, in order. */
    private static Map<String, Double> summary(String text) {
        Map<String, Double> fields = new LinkedHashMap<>();
        text.lines().skip(1).forEach(line -> {
            String[] kv = line.split(": ", 2);
            fields.put(kv[0], Double.parseDouble(kv[1]));
        });
        return fields;
    }

    private static void assertBetween(double value, double min, double max) {
        assertTrue(value >= min && value <= max, value + " not in [" + min + ", " + max + "]");
    }
}
