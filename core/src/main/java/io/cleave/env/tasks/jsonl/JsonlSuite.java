package io.cleave.env.tasks.jsonl;

import io.cleave.env.io.JsonlRows;
import io.cleave.env.io.RowError;
import io.cleave.env.tasks.DatasetSummary;
import io.cleave.env.tasks.Plan;
import io.cleave.env.tasks.PoolDraw;
import io.cleave.env.tasks.PromptLimit;
import io.cleave.env.tasks.Prompts;
import io.cleave.env.tasks.Split;
import io.cleave.env.tasks.Task;
import io.cleave.env.tasks.TaskSuite;
import io.cleave.env.tools.Tool;
import io.cleave.env.tools.ToolSet;
import io.cleave.env.tools.calc.Rational;
import io.cleave.env.tools.registry.ToolRegistry;
import io.cleave.env.util.Options;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code jsonl} suite (options: see {@link JsonlConfig}). Rows are read once (see {@link JsonlTaskReader} for
 * what is rejected and what is coerced); malformed rows are logged, kept in {@link #errors()} and
 * {@link #dataset()} and skipped, and construction fails only when no row is usable. A row's split is the
 * hash of its id; prompts get the common layout {@code "Q: prompt\n"}. Its tasks' plan is a direct answer (no
 * tool calls), since the suite knows no solution path.
 */
public final class JsonlSuite implements TaskSuite {

    /** Registry name. */
    public static final String NAME = "jsonl";

    private final JsonlConfig config;
    private final List<JsonlRow> rows;
    private final List<RowError> errors;
    private final Map<Split, List<Task>> pools = new EnumMap<>(Split.class);

    /**
     * Reads the rows of {@code config.path()}.
     *
     * @throws IllegalArgumentException if the file is missing or has no usable row (a one-line message)
     */
    public JsonlSuite(JsonlConfig config) {
        this(config, JsonlTaskReader.read(config.path()));
    }

    private JsonlSuite(JsonlConfig config, JsonlRows<JsonlRow> read) {
        this.config = config;
        this.rows = read.requireRows("task rows");
        this.errors = read.errors();
        for (Split s : Split.values()) {
            pools.put(s, new ArrayList<>());
        }
        for (JsonlRow row : rows) {
            if (row.difficulty() <= config.difficulty()) {
                boolean numeric = Rational.parseLiteral(row.answer()).isPresent();
                Task task = new Task(NAME + "-" + row.id(), promptOf(row), row.answer(),
                        config.tools(), config.reward(), config.metric(), Plan.direct(row.answer(), numeric));
                pools.get(Split.of(row.id(), config.testFraction())).add(task);
            }
        }
        pools.replaceAll((s, list) -> List.copyOf(list));
    }

    /**
     * This suite without the rows whose prompt does not fit {@code limit}; they join {@link #errors()} with the
     * reason, in line order.
     *
     * @throws IllegalArgumentException when no row is left (a one-line message)
     */
    @Override
    public JsonlSuite withPromptLimit(PromptLimit limit) {
        List<JsonlRow> kept = new ArrayList<>();
        List<RowError> rejected = new ArrayList<>(errors);
        for (JsonlRow row : rows) {
            Optional<String> tooLong = limit.check(promptOf(row));
            if (tooLong.isPresent()) {
                rejected.add(new RowError(config.path(), row.line(), tooLong.get(), row.text(), false));
            } else {
                kept.add(row);
            }
        }
        rejected.sort(Comparator.comparingInt(RowError::line));
        return new JsonlSuite(config, new JsonlRows<>(config.path(), kept, rejected));
    }

    @Override
    public Optional<DatasetSummary> dataset() {
        return Optional.of(new DatasetSummary(config.path(), rows.size(), errors));
    }

    private static String promptOf(JsonlRow row) {
        return Prompts.question(row.prompt());
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
