package io.cleave.tests;

import com.google.gson.JsonObject;
import io.cleave.env.tasks.Prompts;
import io.cleave.env.tasks.Split;
import io.cleave.env.tasks.Task;
import io.cleave.env.tasks.TaskSuiteRegistry;
import io.cleave.spark.kryo.CleaveKryoRegistrator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;

/**
 * Shared pieces of the fault ITs: a {@code local[2]} session made before the trainer starts (the trainer's
 * {@code getOrCreate} then uses it, so a test can attach listeners first), and the warm-started tiny model's arith
 * questions as a {@code jsonl} suite whose reward and tools a test can swap.
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
     * The tiny warm-start run's settings on a jsonl suite read from {@code jsonl}, then {@code extra}
     * ({@code key=value}, e.g. {@code task.options.reward=nan}).
     */
    static List<String> jsonlSettings(Path runDir, int iterations, Path jsonl, String... extra) {
        List<String> sets = new ArrayList<>(Arrays.asList(TinyWarmStart.settings(runDir, iterations)));
        sets.removeIf(s -> s.startsWith("task.suite=") || s.startsWith("task.options."));
        sets.addAll(List.of("task.suite=jsonl", "task.options.path=" + jsonl, "spark.master=local[2]"));
        sets.addAll(List.of(extra));
        return sets;
    }
}
