package io.cleave.spark.ml;

import static io.cleave.train.config.TrainConfigKeys.ALGORITHM_PREFIX;
import static io.cleave.train.config.TrainConfigKeys.TASK_OPTIONS_PREFIX;

import io.cleave.env.tasks.jsonl.JsonlConfig;
import io.cleave.train.config.TrainConfig;
import io.cleave.train.config.TrainConfigKeys;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.ml.param.DoubleParam;
import org.apache.spark.ml.param.IntParam;
import org.apache.spark.ml.param.LongParam;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.Params;
import org.apache.spark.ml.param.StringArrayParam;
import org.apache.spark.ml.util.Identifiable;

/**
 * The Params of {@link CleaveTrainer} and {@link CleavePolicyModel} that stand for {@link TrainConfig} keys, and
 * their resolution into a config. A Param has no Spark default: left unset it means the TrainConfig default (for
 * algorithm keys, the chosen recipe's value), so defaults stay defined once, in TrainConfig. The {@code settings}
 * Param carries further {@code key=value} settings (any TrainConfig key); typed Params win over it.
 */
final class ConfigParams {

    /** Name of the Param of extra {@code key=value} settings. */
    static final String SETTINGS = "settings";

    /** A Param name with its TrainConfig key and documentation. */
    private record Binding(String name, String key, String doc) {}

    private static final List<Binding> BINDINGS = List.of(
            new Binding("recipe", TrainConfigKeys.ALGORITHM_RECIPE,
                    "named algorithm recipe: grpo, dapo, reinforce++, arpo, gpg or token-pg"),
            new Binding("segmenter", ALGORITHM_PREFIX + "segmenter", "how trajectories are cut into macro-actions"),
            new Binding("budget", ALGORITHM_PREFIX + "branch.budget", "leaves per prompt (M)"),
            new Binding("initialSamples", ALGORITHM_PREFIX + "branch.initial-samples",
                    "independent samples per prompt before branching (N)"),
            new Binding("iterations", TrainConfigKeys.RUN_ITERATIONS, "training iterations"),
            new Binding("promptsPerIteration", TrainConfigKeys.TASK_PROMPTS_PER_ITERATION,
                    "prompts drawn from the DataFrame per iteration"),
            new Binding("modelDir", TrainConfigKeys.MODEL_DIR, "model directory to start from (empty: fresh weights)"),
            new Binding("initPreset", TrainConfigKeys.MODEL_INIT_PRESET,
                    "architecture of fresh weights: tiny, small or medium"),
            new Binding("runDir", TrainConfigKeys.RUN_DIR,
                    "run directory (metrics.jsonl, trajectories/, checkpoints/); must not hold a run yet"),
            new Binding("seed", TrainConfigKeys.RUN_SEED, "seed of every random stream"),
            new Binding("learningRate", TrainConfigKeys.OPTIM_LR, "AdamW peak learning rate"),
            new Binding("temperature", TrainConfigKeys.ROLLOUT_TEMPERATURE, "sampling temperature (0 = greedy)"),
            new Binding("topK", TrainConfigKeys.ROLLOUT_TOP_K, "sampling top-k (0 = off)"),
            new Binding("topP", TrainConfigKeys.ROLLOUT_TOP_P, "sampling top-p (1 = off)"),
            new Binding("maxNewTokens", TrainConfigKeys.ROLLOUT_MAX_NEW_TOKENS, "longest generation after the prompt"),
            new Binding("updateMode", TrainConfigKeys.UPDATE_MODE, "where gradients are computed: driver or data-parallel"),
            new Binding("checkpointEvery", TrainConfigKeys.CHECKPOINT_EVERY, "checkpoint every this many iterations"),
            new Binding("tools", TASK_OPTIONS_PREFIX + JsonlConfig.TOOLS, "tools the prompts may use"),
            new Binding("reward", TASK_OPTIONS_PREFIX + JsonlConfig.REWARD, "reward: arpo, exact-match or f1"),
            new Binding("metric", TASK_OPTIONS_PREFIX + JsonlConfig.METRIC, "answer metric: exact or f1"));

    private ConfigParams() {}

    static Param<String> text(Identifiable parent, String name) {
        return new Param<>(parent, name, doc(name));
    }

    static IntParam integer(Identifiable parent, String name) {
        return new IntParam(parent, name, doc(name));
    }

    static LongParam longInteger(Identifiable parent, String name) {
        return new LongParam(parent, name, doc(name));
    }

    static DoubleParam number(Identifiable parent, String name) {
        return new DoubleParam(parent, name, doc(name));
    }

    static StringArrayParam list(Params parent, String name) {
        return new StringArrayParam(parent, name, doc(name));
    }

    /** The Param of extra settings. */
    static StringArrayParam settings(Params parent) {
        return new StringArrayParam(parent, SETTINGS, "further TrainConfig settings as key=value (any key of "
                + "cluster-conf/examples/README.md); the typed Params win over them");
    }

    /**
     * The config of {@code owner}'s Params: the TrainConfig defaults, then the {@code settings} Param, then every
     * set Param bound to a key, then {@code fixed}.
     *
     * @throws io.cleave.train.config.ConfigException naming the key of a bad value
     */
    static TrainConfig resolve(Params owner, Map<String, String> fixed) {
        return resolve(owner, fixed, true);
    }

    /**
     * Like {@link #resolve(Params, Map)} for generation: {@code algorithm.*} settings (copied from a trainer, where
     * they apply over its recipe) are left out, since generation does not use them.
     */
    static TrainConfig resolveForGeneration(Params owner) {
        return resolve(owner, Map.of(), false);
    }

    private static TrainConfig resolve(Params owner, Map<String, String> fixed, boolean algorithm) {
        List<String> sets = new ArrayList<>();
        if (owner.hasParam(SETTINGS) && owner.isSet(owner.getParam(SETTINGS))) {
            for (String setting : (String[]) owner.getOrDefault(owner.getParam(SETTINGS))) {
                if (algorithm || !setting.strip().startsWith(ALGORITHM_PREFIX)) {
                    sets.add(setting);
                }
            }
        }
        for (Binding binding : BINDINGS) {
            if (owner.hasParam(binding.name()) && owner.isSet(owner.getParam(binding.name()))) {
                sets.add(binding.key() + "=" + text(owner.getOrDefault(owner.getParam(binding.name()))));
            }
        }
        fixed.forEach((key, value) -> sets.add(key + "=" + value));
        return TrainConfig.fromSets(sets);
    }

    /** The effective value of Param {@code name} in {@code config}, as text (tool lists comma-separated). */
    static String effective(TrainConfig config, String name) {
        Binding binding = binding(name);
        if (binding.key().startsWith(TASK_OPTIONS_PREFIX)) {
            JsonlConfig suite = PromptSuite.config(config.task().options());
            return switch (binding.name()) {
                case "tools" -> String.join(",", suite.tools());
                case "reward" -> suite.reward();
                default -> suite.metric().name().toLowerCase(Locale.ROOT);
            };
        }
        return config.toMap().get(binding.key());
    }

    private static String text(Object value) {
        return value instanceof String[] list ? String.join(",", list) : value.toString();
    }

    private static String doc(String name) {
        Binding binding = binding(name);
        return binding.doc() + " (TrainConfig key " + binding.key() + "; unset: its default)";
    }

    private static Binding binding(String name) {
        return BINDINGS.stream().filter(b -> b.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no TrainConfig key for Param '" + name + "'"));
    }
}
