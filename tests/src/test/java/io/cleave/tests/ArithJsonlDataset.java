package io.cleave.tests;

import com.google.gson.JsonObject;
import io.cleave.env.tasks.Prompts;
import io.cleave.env.tasks.Split;
import io.cleave.env.tasks.Task;
import io.cleave.env.tasks.registry.TaskSuiteRegistry;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A JSON Lines task file for the {@code jsonl} suite: {@code rows} distinct arith word problems (the suite options
 * of {@link TinyWarmStart}, so the warm-started model calls the calculator on them), one
 * {@code {"id", "prompt", "answer"}} object per line.
 */
final class ArithJsonlDataset {

    private ArithJsonlDataset() {}

    /** Writes the file and returns its path. */
    static Path write(Path file, int rows, long seed) throws IOException {
        List<Task> tasks = TaskSuiteRegistry.create("arith", TinyWarmStart.SUITE_OPTIONS)
                .tasks(Split.TRAIN, rows, seed);
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (int i = 0; i < tasks.size(); i++) {
                Task task = tasks.get(i);
                JsonObject row = new JsonObject();
                row.addProperty("id", String.format("q%05d", i));
                row.addProperty("prompt", task.prompt().substring(Prompts.PREFIX.length()).strip());
                row.addProperty("answer", task.gold());
                out.write(row.toString());
                out.newLine();
            }
        }
        return file;
    }

    /** The options of the {@code jsonl} suite over {@code file}: the calculator, the arpo reward, exact match. */
    static Map<String, String> suiteOptions(Path file) {
        return Map.of("path", file.toString(), "tools", "calc", "reward", "arpo", "metric", "exact");
    }
}
