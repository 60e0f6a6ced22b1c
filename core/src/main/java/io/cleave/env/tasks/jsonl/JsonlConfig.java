package io.cleave.env.tasks.jsonl;

import io.cleave.env.reward.AnswerMetric;
import io.cleave.env.reward.RewardRegistry;
import io.cleave.env.tools.registry.ToolRegistry;
import io.cleave.env.util.Options;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * Settings of the {@code jsonl} suite.
 *
 * @param path the JSON Lines file of task rows (option {@code path}, required)
 * @param tools tools the tasks may use (option {@code tools}, comma-separated, empty for none)
 * @param reward reward name (option {@code reward}), one of {@link RewardRegistry#names()}
 * @param metric answer metric (option {@code metric}: {@code exact} or {@code f1})
 * @param testFraction share of rows held out, by id hash, in [0, 1); 0 holds out none (every row trains)
 * @param difficulty rows with a larger {@code difficulty} field are left out, in [1, 1000000]
 * @param toolOptions options for the tools, keyed {@code tool.key} (e.g. {@code search.corpus})
 */
public record JsonlConfig(Path path, List<String> tools, String reward, AnswerMetric metric, double testFraction,
        int difficulty, Map<String, String> toolOptions) {

    /** Option key of {@link #path}. */
    public static final String PATH = "path";
    /** Option key of {@link #tools}. */
    public static final String TOOLS = "tools";
    /** Option key of {@link #reward}. */
    public static final String REWARD = "reward";
    /** Option key of {@link #metric}. */
    public static final String METRIC = "metric";
    /** Option key of {@link #testFraction}. */
    public static final String TEST_FRACTION = "testFraction";
    /** Option key of {@link #difficulty}. */
    public static final String DIFFICULTY = "difficulty";

    private static final List<String> DEFAULT_TOOLS = List.of("calc");
    private static final String DEFAULT_REWARD = "arpo";
    private static final AnswerMetric DEFAULT_METRIC = AnswerMetric.EXACT;
    private static final double DEFAULT_TEST_FRACTION = 0.2;
    private static final int MAX_DIFFICULTY = 1_000_000;

    /** Checks every field. */
    public JsonlConfig {
        Objects.requireNonNull(path, "jsonl path");
        tools = List.copyOf(tools);
        for (String tool : tools) {
            if (!ToolRegistry.names().contains(tool)) {
                throw new IllegalArgumentException("jsonl tools: unknown tool '" + tool + "'; known tools: "
                        + ToolRegistry.names());
            }
        }
        if (!RewardRegistry.names().contains(reward)) {
            throw new IllegalArgumentException("jsonl reward: unknown reward '" + reward + "'; known rewards: "
                    + RewardRegistry.names());
        }
        Objects.requireNonNull(metric, "jsonl metric");
        if (!(testFraction >= 0.0 && testFraction < 1.0)) {
            throw new IllegalArgumentException("jsonl testFraction must be in [0, 1) (0 = every row trains), got "
                    + testFraction);
        }
        if (difficulty < 1 || difficulty > MAX_DIFFICULTY) {
            throw new IllegalArgumentException("jsonl difficulty must be in [1, " + MAX_DIFFICULTY + "], got "
                    + difficulty);
        }
        toolOptions = Map.copyOf(toolOptions);
    }

    /** Defaults for {@code path}: tools {@code calc}, reward {@code arpo}, exact match, 20% test, all rows. */
    public static JsonlConfig defaults(Path path) {
        return new JsonlConfig(path, DEFAULT_TOOLS, DEFAULT_REWARD, DEFAULT_METRIC, DEFAULT_TEST_FRACTION,
                MAX_DIFFICULTY, Map.of());
    }

    /** Reads the keys above; keys {@code <tool>.<key>} go to the tools. */
    public static JsonlConfig fromOptions(Options options) {
        options.requireKnown(Set.of(PATH, TOOLS, REWARD, METRIC, TEST_FRACTION, DIFFICULTY),
                ToolRegistry.names().stream().map(n -> n + ".").toList(), "task suite jsonl");
        String path = options.get(PATH).orElseThrow(() ->
                new IllegalArgumentException("task suite jsonl needs option '" + PATH + "' (a JSON Lines file)"));
        JsonlConfig d = defaults(Path.of(path));
        List<String> tools = options.get(TOOLS).map(JsonlConfig::splitList).orElse(d.tools());
        Map<String, String> toolOptions = new TreeMap<>(options.asMap());
        toolOptions.keySet().removeIf(k -> !k.contains("."));
        return new JsonlConfig(d.path(), tools, options.getString(REWARD, d.reward()),
                options.get(METRIC).map(AnswerMetric::parse).orElse(d.metric()),
                options.getDouble(TEST_FRACTION, d.testFraction()), options.getInt(DIFFICULTY, d.difficulty()),
                toolOptions);
    }

    /** The options of tool {@code tool} (keys without the {@code tool.} prefix). */
    public Map<String, String> optionsOf(String tool) {
        return Options.of(toolOptions).withPrefix(tool + ".").asMap();
    }

    private static List<String> splitList(String csv) {
        return Arrays.stream(csv.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
