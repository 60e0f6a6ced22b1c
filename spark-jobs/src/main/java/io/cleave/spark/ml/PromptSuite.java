package io.cleave.spark.ml;

import com.google.gson.JsonObject;
import io.cleave.env.tasks.Plan;
import io.cleave.env.tasks.Prompts;
import io.cleave.env.tasks.Task;
import io.cleave.env.tasks.jsonl.JsonlConfig;
import io.cleave.env.tasks.jsonl.JsonlSuite;
import io.cleave.env.tools.Tool;
import io.cleave.env.tools.ToolSet;
import io.cleave.env.tools.calc.Rational;
import io.cleave.env.tools.registry.ToolRegistry;
import io.cleave.env.util.Options;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;

/**
 * A prompt DataFrame as the task pool of a run, the way the {@code jsonl} suite reads a file: its rows are written
 * to {@code prompts.jsonl} in the run directory and trained on with {@code task.suite=jsonl},
 * {@code testFraction=0} (every row trains), and the tools, reward and metric of the {@code task.options.*} keys.
 * Generation builds its tasks and tools from the same options.
 */
final class PromptSuite {

    /** File name of the prompts in the run directory. */
    static final String FILE = "prompts.jsonl";
    /** Stands for the file in options that only describe tools, reward and metric. */
    private static final String NO_FILE = "(prompt DataFrame)";

    private PromptSuite() {}

    /** The suite settings of {@code taskOptions} (the {@code task.options.*} values). */
    static JsonlConfig config(Map<String, String> taskOptions) {
        Map<String, String> options = new LinkedHashMap<>(taskOptions);
        options.putIfAbsent(JsonlConfig.PATH, NO_FILE);
        return JsonlConfig.fromOptions(Options.of(options));
    }

    /** The task options that train on {@code file} with every row in the training split. */
    static Map<String, String> trainingSettings(Path file) {
        return Map.of("task.suite", JsonlSuite.NAME, "task.options." + JsonlConfig.PATH, file.toString(),
                "task.options.testFraction", "0");
    }

    /** The tools of {@code config}, as the {@code jsonl} suite builds them. */
    static ToolSet tools(JsonlConfig config) {
        List<Tool> tools = new ArrayList<>();
        for (String name : config.tools()) {
            tools.add(ToolRegistry.create(name, config.optionsOf(name)));
        }
        return ToolSet.of(tools);
    }

    /** The task of one prompt, as the {@code jsonl} suite builds it ({@code answer} may be empty). */
    static Task task(JsonlConfig config, String id, String prompt, String answer) {
        boolean numeric = Rational.parseLiteral(answer).isPresent();
        return new Task(JsonlSuite.NAME + "-" + id, Prompts.question(prompt), answer, config.tools(),
                config.reward(), config.metric(), Plan.direct(answer, numeric));
    }

    /**
     * Collects {@code prompts} to the driver and writes them as {@code jsonl} task rows to {@code file}; rows without
     * an id get {@code row-<index>}.
     *
     * @throws IllegalArgumentException for an empty DataFrame, a blank prompt or answer, or a missing or repeated
     *     id (the message names the row)
     */
    static void write(Dataset<?> prompts, Path file) {
        StructType schema = prompts.schema();
        boolean hasId = PromptColumns.has(schema, PromptColumns.ID);
        List<Row> rows = prompts.toDF().selectExpr(PromptColumns.PROMPT, PromptColumns.ANSWER,
                hasId ? "CAST(" + PromptColumns.ID + " AS STRING)" : "NULL").collectAsList();
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("CleaveTrainer.fit: the prompt DataFrame is empty");
        }
        Set<String> seen = new HashSet<>();
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                for (int i = 0; i < rows.size(); i++) {
                    String id = hasId ? rows.get(i).getString(2) : "row-" + i;
                    String where = "row " + i + (hasId ? " (id " + id + ")" : "");
                    if (id == null || id.isBlank() || !seen.add(id)) {
                        throw new IllegalArgumentException("CleaveTrainer.fit: " + where + " has a "
                                + (id == null || id.isBlank() ? "missing" : "repeated") + " id");
                    }
                    JsonObject json = new JsonObject();
                    json.addProperty("id", id);
                    json.addProperty("prompt", nonBlank(rows.get(i).getString(0), PromptColumns.PROMPT, where));
                    json.addProperty("answer", nonBlank(rows.get(i).getString(1), PromptColumns.ANSWER, where));
                    out.write(json.toString());
                    out.newLine();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the prompts to " + file, e);
        }
    }

    private static String nonBlank(String value, String column, String where) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("CleaveTrainer.fit: " + where + " has a blank " + column);
        }
        return value;
    }
}
