package io.cleave.train.config;

import static io.cleave.train.config.TrainConfigKeys.ALGORITHM_PREFIX;
import static io.cleave.train.config.TrainConfigKeys.ALGORITHM_RECIPE;
import static io.cleave.train.config.TrainConfigKeys.CHECKPOINT_EVERY;
import static io.cleave.train.config.TrainConfigKeys.ENV_MAX_RESULT_CHARS;
import static io.cleave.train.config.TrainConfigKeys.ENV_MAX_TOOL_CALLS;
import static io.cleave.train.config.TrainConfigKeys.ENV_MAX_TRAJECTORY_CHARS;
import static io.cleave.train.config.TrainConfigKeys.ENV_TOOL_TIMEOUT_MS;
import static io.cleave.train.config.TrainConfigKeys.MODEL_DIR;
import static io.cleave.train.config.TrainConfigKeys.MODEL_INIT_PRESET;
import static io.cleave.train.config.TrainConfigKeys.OPTIM_BETA1;
import static io.cleave.train.config.TrainConfigKeys.OPTIM_BETA2;
import static io.cleave.train.config.TrainConfigKeys.OPTIM_EPS;
import static io.cleave.train.config.TrainConfigKeys.OPTIM_GRAD_CLIP;
import static io.cleave.train.config.TrainConfigKeys.OPTIM_LR;
import static io.cleave.train.config.TrainConfigKeys.OPTIM_MAX_NONFINITE_STEPS;
import static io.cleave.train.config.TrainConfigKeys.OPTIM_WARMUP_STEPS;
import static io.cleave.train.config.TrainConfigKeys.OPTIM_WEIGHT_DECAY;
import static io.cleave.train.config.TrainConfigKeys.ROLLOUT_MAX_NEW_TOKENS;
import static io.cleave.train.config.TrainConfigKeys.ROLLOUT_TEMPERATURE;
import static io.cleave.train.config.TrainConfigKeys.ROLLOUT_TOP_K;
import static io.cleave.train.config.TrainConfigKeys.ROLLOUT_TOP_P;
import static io.cleave.train.config.TrainConfigKeys.RUN_DIR;
import static io.cleave.train.config.TrainConfigKeys.RUN_ITERATIONS;
import static io.cleave.train.config.TrainConfigKeys.RUN_SEED;
import static io.cleave.train.config.TrainConfigKeys.SPARK_MASTER;
import static io.cleave.train.config.TrainConfigKeys.TASK_EVAL_EVERY;
import static io.cleave.train.config.TrainConfigKeys.TASK_EVAL_SIZE;
import static io.cleave.train.config.TrainConfigKeys.TASK_OPTIONS_PREFIX;
import static io.cleave.train.config.TrainConfigKeys.TASK_PROMPTS_PER_ITERATION;
import static io.cleave.train.config.TrainConfigKeys.TASK_SUITE;
import static io.cleave.train.config.TrainConfigKeys.UPDATE_MODE;

import io.cleave.algo.recipe.AlgorithmConfig;
import io.cleave.algo.recipe.Recipes;
import io.cleave.env.protocol.EnvLimits;
import io.cleave.model.SamplingConfig;
import io.cleave.optim.AdamWConfig;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Turns canonical key/value settings into a {@link TrainConfig}: every unset key takes its value from
 * {@link TrainConfig#defaults()}, the {@code algorithm.*} keys are applied over the chosen recipe, and each
 * section's record validates its values.
 *
 * <p>When a record rejects a section, the key to blame is found by trying each key that differs from the baseline
 * (the defaults; for algorithm keys, the recipe) alone: the first that fails on its own is reported as
 * {@code KEY = 'VALUE' (ORIGIN): reason}. A failure that needs several keys together lists all of them.
 */
final class TrainConfigAssembler {

    private TrainConfigAssembler() {}

    /** The configuration for {@code settings} (canonical keys, see {@link TrainConfigKeys#canonical}). */
    static TrainConfig assemble(Map<String, ConfigValue> settings) {
        Map<String, ConfigValue> baseline = new LinkedHashMap<>();
        TrainConfigKeys.toMap(TrainConfig.defaults()).forEach((key, text) -> {
            if (!isAlgorithmOverride(key)) {
                baseline.put(key, new ConfigValue(text, ConfigValue.DEFAULT));
            }
        });
        Map<String, ConfigValue> actual = new LinkedHashMap<>(baseline);
        Map<String, ConfigValue> algorithmOverrides = new LinkedHashMap<>();
        settings.forEach((key, value) -> (isAlgorithmOverride(key) ? algorithmOverrides : actual).put(key, value));

        RunSettings run = section("run", baseline, actual, v -> new RunSettings(v.path(RUN_DIR),
                v.longInteger(RUN_SEED), v.integer(RUN_ITERATIONS)));
        ModelSettings model = section("model", baseline, actual, v -> new ModelSettings(v.optionalPath(MODEL_DIR),
                v.text(MODEL_INIT_PRESET)));
        TaskSettings task = section("task", baseline, actual, v -> new TaskSettings(v.text(TASK_SUITE),
                v.withPrefix(TASK_OPTIONS_PREFIX), v.integer(TASK_PROMPTS_PER_ITERATION), v.integer(TASK_EVAL_EVERY),
                v.integer(TASK_EVAL_SIZE)));
        RolloutSettings rollout = section("rollout", baseline, actual, v -> new RolloutSettings(
                v.integer(ROLLOUT_MAX_NEW_TOKENS), new SamplingConfig(v.number(ROLLOUT_TEMPERATURE),
                v.integer(ROLLOUT_TOP_K), v.number(ROLLOUT_TOP_P))));
        EnvLimits env = section("env", baseline, actual, v -> new EnvLimits(v.integer(ENV_MAX_TOOL_CALLS),
                v.integer(ENV_MAX_RESULT_CHARS), v.longInteger(ENV_TOOL_TIMEOUT_MS),
                v.integer(ENV_MAX_TRAJECTORY_CHARS)));
        OptimSettings optim = section("optim", baseline, actual, v -> new OptimSettings(new AdamWConfig(
                v.number(OPTIM_LR), v.number(OPTIM_BETA1), v.number(OPTIM_BETA2), v.number(OPTIM_EPS),
                v.number(OPTIM_WEIGHT_DECAY)), v.integer(OPTIM_WARMUP_STEPS), v.number(OPTIM_GRAD_CLIP),
                v.integer(OPTIM_MAX_NONFINITE_STEPS)));
        UpdateSettings update = section("update", baseline, actual,
                v -> new UpdateSettings(UpdateMode.of(v.text(UPDATE_MODE))));
        CheckpointSettings checkpoint = section("checkpoint", baseline, actual,
                v -> new CheckpointSettings(v.integer(CHECKPOINT_EVERY)));
        SparkSettings spark = section("spark", baseline, actual, v -> new SparkSettings(v.text(SPARK_MASTER)));
        return new TrainConfig(run, model, task, rollout, env, optim, update, checkpoint, spark,
                algorithm(baseline, actual, algorithmOverrides));
    }

    private static AlgorithmSettings algorithm(Map<String, ConfigValue> baseline, Map<String, ConfigValue> actual,
                                               Map<String, ConfigValue> overrides) {
        String recipe = section("algorithm", baseline, actual,
                v -> new AlgorithmSettings(v.text(ALGORITHM_RECIPE), Recipes.get(v.text(ALGORITHM_RECIPE)))).recipe();
        AlgorithmConfig base = Recipes.get(recipe);
        AlgorithmConfig config = build("algorithm", new SectionValues(Map.of()), new SectionValues(overrides),
                v -> base.with(v.withPrefix(ALGORITHM_PREFIX)));
        return new AlgorithmSettings(recipe, config);
    }

    private static boolean isAlgorithmOverride(String key) {
        return key.startsWith(ALGORITHM_PREFIX) && !key.equals(ALGORITHM_RECIPE);
    }

    private static <T> T section(String name, Map<String, ConfigValue> baseline, Map<String, ConfigValue> actual,
                                 Function<SectionValues, T> builder) {
        return build(name, new SectionValues(inSection(name, baseline)), new SectionValues(inSection(name, actual)),
                builder);
    }

    private static Map<String, ConfigValue> inSection(String name, Map<String, ConfigValue> all) {
        Map<String, ConfigValue> out = new LinkedHashMap<>();
        all.forEach((key, value) -> {
            if (key.startsWith(name + ".")) {
                out.put(key, value);
            }
        });
        return out;
    }

    private static <T> T build(String section, SectionValues baseline, SectionValues actual,
                               Function<SectionValues, T> builder) {
        try {
            return builder.apply(actual);
        } catch (ConfigException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            List<Map.Entry<String, ConfigValue>> changed = actual.entries().entrySet().stream()
                    .filter(entry -> !sameText(baseline.entries().get(entry.getKey()), entry.getValue())).toList();
            for (Map.Entry<String, ConfigValue> entry : changed) {
                try {
                    builder.apply(baseline.with(entry.getKey(), entry.getValue()));
                } catch (IllegalArgumentException alone) {
                    throw ConfigException.badValue(entry.getKey(), entry.getValue(), alone.getMessage());
                }
            }
            String keys = changed.stream().map(entry -> entry.getKey() + " = '" + entry.getValue().text() + "' ("
                    + entry.getValue().origin() + ")").collect(Collectors.joining(", "));
            throw new ConfigException(section + ": " + e.getMessage() + (keys.isEmpty() ? "" : "; set: " + keys));
        }
    }

    private static boolean sameText(ConfigValue a, ConfigValue b) {
        return a != null && Objects.equals(a.text().trim(), b.text().trim());
    }
}
