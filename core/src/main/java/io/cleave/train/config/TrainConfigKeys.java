package io.cleave.train.config;

import io.cleave.algo.recipe.AlgorithmConfigKeys;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The keys of a {@link TrainConfig}: one table that validation, {@link TrainConfig#toMap()} and the written YAML all
 * follow. Keys are dotted, kebab-case: {@code SECTION.NAME}. Besides the fixed keys there are
 * {@code task.options.NAME} (any name; the task suite checks it) and {@code algorithm.K} for every K of
 * {@link AlgorithmConfigKeys#KEYS}.
 *
 * <p>Accepted spellings: camelCase and snake_case words become kebab-case ({@code optim.warmupSteps},
 * {@code optim.warmup_steps}), except the option names after {@code task.options.}, which are kept as written;
 * algorithm keys also accept the aliases of {@link AlgorithmConfigKeys} ({@code algorithm.branch.m}).
 */
public final class TrainConfigKeys {

    /** Key of {@link RunSettings#dir()}. */
    public static final String RUN_DIR = "run.dir";
    /** Key of {@link RunSettings#seed()}. */
    public static final String RUN_SEED = "run.seed";
    /** Key of {@link RunSettings#iterations()}. */
    public static final String RUN_ITERATIONS = "run.iterations";
    /** Key of {@link ModelSettings#dir()}. */
    public static final String MODEL_DIR = "model.dir";
    /** Key of {@link ModelSettings#initPreset()}. */
    public static final String MODEL_INIT_PRESET = "model.init-preset";
    /** Key of {@link TaskSettings#suite()}. */
    public static final String TASK_SUITE = "task.suite";
    /** Prefix of the keys of {@link TaskSettings#options()}. */
    public static final String TASK_OPTIONS_PREFIX = "task.options.";
    /** Key of {@link TaskSettings#promptsPerIteration()}. */
    public static final String TASK_PROMPTS_PER_ITERATION = "task.prompts-per-iteration";
    /** Key of {@link TaskSettings#evalEvery()}. */
    public static final String TASK_EVAL_EVERY = "task.eval-every";
    /** Key of {@link TaskSettings#evalSize()}. */
    public static final String TASK_EVAL_SIZE = "task.eval-size";
    /** Key of {@link RolloutSettings#maxNewTokens()}. */
    public static final String ROLLOUT_MAX_NEW_TOKENS = "rollout.max-new-tokens";
    /** Key of the rollout's sampling temperature. */
    public static final String ROLLOUT_TEMPERATURE = "rollout.temperature";
    /** Key of the rollout's top-p. */
    public static final String ROLLOUT_TOP_P = "rollout.top-p";
    /** Key of the rollout's top-k. */
    public static final String ROLLOUT_TOP_K = "rollout.top-k";
    /** Key of {@code EnvLimits.maxToolCalls}. */
    public static final String ENV_MAX_TOOL_CALLS = "env.max-tool-calls";
    /** Key of {@code EnvLimits.maxResultChars}. */
    public static final String ENV_MAX_RESULT_CHARS = "env.max-result-chars";
    /** Key of {@code EnvLimits.toolTimeoutMs}. */
    public static final String ENV_TOOL_TIMEOUT_MS = "env.tool-timeout-ms";
    /** Key of {@code EnvLimits.maxTrajectoryChars}. */
    public static final String ENV_MAX_TRAJECTORY_CHARS = "env.max-trajectory-chars";
    /** Key of the AdamW peak learning rate. */
    public static final String OPTIM_LR = "optim.lr";
    /** Key of {@link OptimSettings#warmupSteps()}. */
    public static final String OPTIM_WARMUP_STEPS = "optim.warmup-steps";
    /** Key of the AdamW weight decay. */
    public static final String OPTIM_WEIGHT_DECAY = "optim.weight-decay";
    /** Key of {@link OptimSettings#gradClip()}. */
    public static final String OPTIM_GRAD_CLIP = "optim.grad-clip";
    /** Key of {@link OptimSettings#maxNonfiniteSteps()}. */
    public static final String OPTIM_MAX_NONFINITE_STEPS = "optim.max-nonfinite-steps";
    /** Key of the AdamW beta1. */
    public static final String OPTIM_BETA1 = "optim.beta1";
    /** Key of the AdamW beta2. */
    public static final String OPTIM_BETA2 = "optim.beta2";
    /** Key of the AdamW epsilon. */
    public static final String OPTIM_EPS = "optim.eps";
    /** Key of {@link UpdateSettings#mode()}. */
    public static final String UPDATE_MODE = "update.mode";
    /** Key of {@link CheckpointSettings#every()}. */
    public static final String CHECKPOINT_EVERY = "checkpoint.every";
    /** Key of {@link SparkSettings#master()}. */
    public static final String SPARK_MASTER = "spark.master";
    /** Key of {@link AlgorithmSettings#recipe()}. */
    public static final String ALGORITHM_RECIPE = "algorithm.recipe";
    /** Prefix of the algorithm keys: {@code algorithm.} followed by a key of {@link AlgorithmConfigKeys#KEYS}. */
    public static final String ALGORITHM_PREFIX = "algorithm.";

    /** The sections, in the order the written YAML lists them. */
    public static final List<String> SECTIONS = List.of("run", "model", "task", "rollout", "env", "optim", "update",
            "checkpoint", "spark", "algorithm");

    private record Entry(String key, Function<TrainConfig, String> value) {}

    private static final List<Entry> FIXED = List.of(
            new Entry(RUN_DIR, c -> c.run().dir().toString()),
            new Entry(RUN_SEED, c -> Long.toString(c.run().seed())),
            new Entry(RUN_ITERATIONS, c -> Integer.toString(c.run().iterations())),
            new Entry(MODEL_DIR, c -> c.model().dir().map(Object::toString).orElse("")),
            new Entry(MODEL_INIT_PRESET, c -> c.model().initPreset()),
            new Entry(TASK_SUITE, c -> c.task().suite()),
            new Entry(TASK_PROMPTS_PER_ITERATION, c -> Integer.toString(c.task().promptsPerIteration())),
            new Entry(TASK_EVAL_EVERY, c -> Integer.toString(c.task().evalEvery())),
            new Entry(TASK_EVAL_SIZE, c -> Integer.toString(c.task().evalSize())),
            new Entry(ROLLOUT_MAX_NEW_TOKENS, c -> Integer.toString(c.rollout().maxNewTokens())),
            new Entry(ROLLOUT_TEMPERATURE, c -> Double.toString(c.rollout().sampling().temperature())),
            new Entry(ROLLOUT_TOP_P, c -> Double.toString(c.rollout().sampling().topP())),
            new Entry(ROLLOUT_TOP_K, c -> Integer.toString(c.rollout().sampling().topK())),
            new Entry(ENV_MAX_TOOL_CALLS, c -> Integer.toString(c.env().maxToolCalls())),
            new Entry(ENV_MAX_RESULT_CHARS, c -> Integer.toString(c.env().maxResultChars())),
            new Entry(ENV_TOOL_TIMEOUT_MS, c -> Long.toString(c.env().toolTimeoutMs())),
            new Entry(ENV_MAX_TRAJECTORY_CHARS, c -> Integer.toString(c.env().maxTrajectoryChars())),
            new Entry(OPTIM_LR, c -> Double.toString(c.optim().adamw().learningRate())),
            new Entry(OPTIM_WARMUP_STEPS, c -> Integer.toString(c.optim().warmupSteps())),
            new Entry(OPTIM_WEIGHT_DECAY, c -> Double.toString(c.optim().adamw().weightDecay())),
            new Entry(OPTIM_GRAD_CLIP, c -> Double.toString(c.optim().gradClip())),
            new Entry(OPTIM_BETA1, c -> Double.toString(c.optim().adamw().beta1())),
            new Entry(OPTIM_BETA2, c -> Double.toString(c.optim().adamw().beta2())),
            new Entry(OPTIM_EPS, c -> Double.toString(c.optim().adamw().epsilon())),
            new Entry(OPTIM_MAX_NONFINITE_STEPS, c -> Integer.toString(c.optim().maxNonfiniteSteps())),
            new Entry(UPDATE_MODE, c -> c.update().mode().key()),
            new Entry(CHECKPOINT_EVERY, c -> Integer.toString(c.checkpoint().every())),
            new Entry(SPARK_MASTER, c -> c.spark().master()),
            new Entry(ALGORITHM_RECIPE, c -> c.algorithm().recipe()));

    private static final List<String> NAMES = names(FIXED);

    private TrainConfigKeys() {}

    /**
     * Every key except the open-ended {@code task.options.NAME}, in the order of {@link TrainConfig#toMap()}: the
     * fixed keys, then {@code algorithm.K} for every K of {@link AlgorithmConfigKeys#KEYS}.
     */
    public static List<String> names() {
        return NAMES;
    }

    /** The keys of {@code section} as an error message lists them ({@code task.options.<name>} included). */
    public static List<String> namesOf(String section) {
        List<String> keys = new ArrayList<>(NAMES.stream().filter(k -> k.startsWith(section + ".")).toList());
        if (section.equals("task")) {
            keys.add(keys.indexOf(TASK_SUITE) + 1, TASK_OPTIONS_PREFIX + "<name>");
        }
        return keys;
    }

    /**
     * The canonical spelling of {@code key}.
     *
     * @param origin where the key was written, for the error message
     * @throws ConfigException for an unknown key: the message lists the known keys of its section (or the sections)
     *     and the nearest known keys
     */
    public static String canonical(String key, String origin) {
        String trimmed = key.trim();
        if (trimmed.startsWith(TASK_OPTIONS_PREFIX) && trimmed.length() > TASK_OPTIONS_PREFIX.length()) {
            return trimmed;
        }
        String kebab = kebab(trimmed);
        if (kebab.startsWith(ALGORITHM_PREFIX) && !kebab.equals(ALGORITHM_RECIPE)) {
            try {
                return ALGORITHM_PREFIX + AlgorithmConfigKeys.canonical(trimmed.substring(ALGORITHM_PREFIX.length()));
            } catch (IllegalArgumentException e) {
                throw unknown(key, kebab, origin);
            }
        }
        if (!NAMES.contains(kebab)) {
            throw unknown(key, kebab, origin);
        }
        return kebab;
    }

    /** Every key of {@code config} with its value as text, in {@link #names()} order; options after the suite. */
    static Map<String, String> toMap(TrainConfig config) {
        Map<String, String> map = new LinkedHashMap<>();
        for (Entry entry : FIXED) {
            map.put(entry.key(), entry.value().apply(config));
            if (entry.key().equals(TASK_SUITE)) {
                config.task().options().forEach((name, value) -> map.put(TASK_OPTIONS_PREFIX + name, value));
            }
        }
        config.algorithm().config().toMap().forEach((key, value) -> map.put(ALGORITHM_PREFIX + key, value));
        return map;
    }

    private static String kebab(String key) {
        return key.replaceAll("([a-z0-9])([A-Z])", "$1-$2").replace('_', '-').toLowerCase(Locale.ROOT);
    }

    private static ConfigException unknown(String key, String kebab, String origin) {
        int dot = kebab.indexOf('.');
        String section = dot < 0 ? kebab : kebab.substring(0, dot);
        List<String> candidates = new ArrayList<>(NAMES);
        candidates.add(TASK_OPTIONS_PREFIX + "<name>");
        List<String> nearest = KeySuggestions.nearest(kebab, candidates);
        String known = SECTIONS.contains(section) ? "known keys of section " + section + ": " + namesOf(section)
                : "known sections: " + SECTIONS;
        String hint = nearest.isEmpty() ? "" : "; did you mean " + String.join(" or ", nearest) + "?";
        return new ConfigException("unknown key '" + key.trim() + "' (" + origin + "); " + known + hint);
    }

    private static List<String> names(List<Entry> fixed) {
        List<String> names = fixed.stream().map(Entry::key).collect(Collectors.toCollection(ArrayList::new));
        AlgorithmConfigKeys.KEYS.forEach(k -> names.add(ALGORITHM_PREFIX + k));
        return List.copyOf(names);
    }
}
