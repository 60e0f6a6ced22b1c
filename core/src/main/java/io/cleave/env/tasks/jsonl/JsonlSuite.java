package io.cleave.env.tasks.jsonl;

import io.cleave.env.io.JsonlRows;
import io.cleave.env.io.RowError;
import io.cleave.env.tasks.Plan;
import io.cleave.env.tasks.Prompts;
import io.cleave.env.tasks.PoolDraw;
import io.cleave.env.tasks.Split;
import io.cleave.env.tasks.Task;
import io.cleave.env.tasks.TaskSuite;
import io.cleave.env.tools.Tool;
import io.cleave.env.tools.ToolRegistry;
import io.cleave.env.tools.ToolSet;
import io.cleave.env.tools.calc.Rational;
import io.cleave.env.util.Options;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code jsonl} suite (options: see {@link JsonlConfig}). Rows are read once; malformed rows are logged,
 * kept in {@link #errors()} and skipped, and construction fails only when no row is usable. A row's split is the
 * hash of its id; prompts get the common layout {@code "Q: prompt\n"}. Its tasks' plan is a direct answer (no
 * tool calls), since the suite knows no solution path.
 */
public final class JsonlSuite implements TaskSuite {

    /** Registry name. */
    public static final String NAME = "jsonl";

    private final JsonlConfig config;
    private final List<RowError> errors;
    private final Map<Split, List<Task>> pools = new EnumMap<>(Split.class);

    /**
     * Reads the rows of {@code config.path()}.
     *
     * @throws IllegalArgumentException if the file is missing or has no usable row (the message lists errors)
     */
    public JsonlSuite(JsonlConfig config) {
        this.config = config;
        JsonlRows<JsonlRow> rows = JsonlTaskReader.read(config.path());
        this.errors = rows.errors();
        for (Split s : Split.values()) {
            pools.put(s, new ArrayList<>());
        }
        for (JsonlRow row : rows.requireRows("task rows")) {
            if (row.difficulty() <= config.difficulty()) {
                boolean numeric = Rational.parseLiteral(row.answer()).isPresent();
                Task task = new Task(NAME + "-" + row.id(), Prompts.question(row.prompt()), row.answer(),
                        config.tools(), config.reward(), config.metric(), Plan.direct(row.answer(), numeric));
                pools.get(Split.of(row.id(), config.testFraction())).add(task);
            }
        }
        pools.replaceAll((s, list) -> List.copyOf(list));
    }

    /** The suite from string options. */
    public static JsonlSuite fromOptions(Options options) {
        return new JsonlSuite(JsonlConfig.fromOptions(options));
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int difficulty() {
        return config.difficulty();
    }

    @Override
    public List<Task> tasks(Split split, int count, long seed) {
        return PoolDraw.draw(pools.get(split), count, seed);
    }

    @Override
    public ToolSet tools() {
        List<Tool> tools = new ArrayList<>();
        for (String name : config.tools()) {
            tools.add(ToolRegistry.create(name, config.optionsOf(name)));
        }
        return ToolSet.of(tools);
    }

    /** The rows that were skipped, with file, line and reason. */
    public List<RowError> errors() {
        return errors;
    }
}
