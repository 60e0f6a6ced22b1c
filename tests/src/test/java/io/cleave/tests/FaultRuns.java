package io.cleave.tests;

import com.google.gson.JsonObject;
import io.cleave.env.tasks.Prompts;
import io.cleave.env.tasks.Split;
import io.cleave.env.tasks.Task;
import io.cleave.env.tasks.registry.TaskSuiteRegistry;
import io.cleave.spark.kryo.CleaveKryoRegistrator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;

/**
 * Shared pieces of the fault ITs: a {@code local[2]} session made before the trainer starts (the trainer's
 * {@code getOrCreate} then uses it, so a test can attach listeners first), a short run of a randomly initialised
 * tiny model (for faults that need no tool-calling policy), and arith questions as a {@code jsonl} suite whose
 * reward and tools a test can swap.
 */
final class FaultRuns {

    private FaultRuns() {}

    /** A {@code local[2]} session configured as the trainer configures its own. */
    static SparkSession localSession() {
        SparkConf conf = CleaveKryoRegistrator.configure(new SparkConf(), true).setMaster("local[2]")
                .setAppName("cleave-fault-it").set("spark.ui.enabled", "false")
                .set("spark.ui.showConsoleProgress", "false").set("spark.sql.shuffle.partitions", "4");
        return SparkSession.builder().config(conf).getOrCreate();
    }

    /** Writes {@code count} arith training questions (difficulty 1) as jsonl task rows to {@code file}. */
    static Path arithJsonl(Path file, int count) throws IOException {
        List<String> lines = new ArrayList<>();
        for (Task task : TaskSuiteRegistry.create("arith", TinyWarmStart.SUITE_OPTIONS).tasks(Split.TRAIN, count, 5)) {
            JsonObject row = new JsonObject();
            row.addProperty("id", task.id());
            row.addProperty("prompt", task.prompt().substring(Prompts.PREFIX.length()).strip());
            row.addProperty("answer", task.gold());
            lines.add(row.toString());
        }
        Files.createDirectories(file.getParent());
        return Files.write(file, lines, StandardCharsets.UTF_8);
    }

    /**
     * A short GPG run of a randomly initialised tiny model on arith ({@code local[2]}); its entropy bonus makes
     * every update move the weights even though such a policy earns no reward.
     */
    static List<String> randomTinyRun(Path runDir, int iterations) {
        return List.of("run.dir=" + runDir, "run.iterations=" + iterations, "run.seed=3", "model.init-preset=tiny",
                "task.suite=arith", "task.options.difficulty=1", "task.prompts-per-iteration=4", "task.eval-every=0",
                "rollout.max-new-tokens=40", "optim.lr=1e-3", "algorithm.recipe=gpg",
                "algorithm.loss.entropy-coef=0.01", "algorithm.branch.initial-samples=2", "algorithm.branch.budget=4",
                "checkpoint.every=1", "spark.master=local[2]");
    }

    /**
     * {@code base} settings on a jsonl suite read from {@code jsonl} ({@code local[2]}), then {@code extra}
     * ({@code key=value}, e.g. {@code task.options.reward=nan}).
     */
    static List<String> onJsonl(List<String> base, Path jsonl, String... extra) {
        List<String> sets = new ArrayList<>(base);
        sets.removeIf(s -> s.startsWith("task.suite=") || s.startsWith("task.options."));
        sets.addAll(List.of("task.suite=jsonl", "task.options.path=" + jsonl, "spark.master=local[2]"));
        sets.addAll(List.of(extra));
        return sets;
    }
}
