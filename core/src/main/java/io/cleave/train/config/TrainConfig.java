package io.cleave.train.config;

import io.cleave.env.protocol.EnvLimits;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything a training run needs to know, validated before any work starts. Each section is a record that checks
 * its own fields; the defaults are those of the sections' {@code defaults()} ({@link EnvLimits#defaults()} for
 * {@code env}, {@link io.cleave.algo.recipe.Recipes#get(String)} of the recipe for {@code algorithm}). Every key and
 * its default is listed in {@code cluster-conf/examples/README.md}; the key names are in {@link TrainConfigKeys}.
 *
 * <p>Sources, later ones winning: {@link #defaults()}, a YAML file, then {@code --set key=value} overrides. The
 * {@code algorithm.*} keys of the file and the overrides are applied together over the recipe chosen by
 * {@code algorithm.recipe}, wherever that was set.
 *
 * @param run run directory, seed, iterations
 * @param model starting model directory or fresh-weights preset
 * @param task task suite, its options, prompts per iteration, evaluation schedule
 * @param rollout generation length and sampling
 * @param env limits on tool calls (keys {@code env.max-tool-calls}, {@code env.max-result-chars},
 *     {@code env.tool-timeout-ms}, {@code env.max-trajectory-chars})
 * @param optim AdamW, warm-up, gradient clipping
 * @param update where gradients are computed
 * @param checkpoint checkpoint interval
 * @param spark Spark master
 * @param algorithm recipe and resolved algorithm configuration
 */
public record TrainConfig(RunSettings run, ModelSettings model, TaskSettings task, RolloutSettings rollout,
                          EnvLimits env, OptimSettings optim, UpdateSettings update, CheckpointSettings checkpoint,
                          SparkSettings spark, AlgorithmSettings algorithm) {

    /** Origin given to values set with {@link #with(Map)}. */
    private static final String OVERRIDE = "override";
    /** Origin given to the values of an existing config in {@link #with(Map)}. */
    private static final String CONFIG = "config";

    /** Requires every section and checks the settings that span sections (minibatches against the batch). */
    public TrainConfig {
        Objects.requireNonNull(run, "run");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(task, "task");
        Objects.requireNonNull(rollout, "rollout");
        Objects.requireNonNull(env, "env");
        Objects.requireNonNull(optim, "optim");
        Objects.requireNonNull(update, "update");
        Objects.requireNonNull(checkpoint, "checkpoint");
        Objects.requireNonNull(spark, "spark");
        Objects.requireNonNull(algorithm, "algorithm");
        int trajectories = task.promptsPerIteration() * algorithm.config().branch().budget();
        if (algorithm.config().minibatches() > trajectories) {
            throw new ConfigException("algorithm.train.minibatches = " + algorithm.config().minibatches()
                    + " must be <= the trajectories of an iteration, " + TrainConfigKeys.TASK_PROMPTS_PER_ITERATION
                    + " (" + task.promptsPerIteration() + ") x algorithm.branch.budget ("
                    + algorithm.config().branch().budget() + ") = " + trajectories);
        }
    }

    /** Every section's {@code defaults()}. */
    public static TrainConfig defaults() {
        return new TrainConfig(RunSettings.defaults(), ModelSettings.defaults(), TaskSettings.defaults(),
                RolloutSettings.defaults(), EnvLimits.defaults(), OptimSettings.defaults(), UpdateSettings.defaults(),
                CheckpointSettings.defaults(), SparkSettings.defaults(), AlgorithmSettings.defaults());
    }

    /**
     * The defaults, then the YAML {@code file}, then {@code sets} ({@code key=value} strings as given to
     * {@code --set}; a later one wins over an earlier one).
     *
     * @throws ConfigException for a missing file, a YAML syntax error (file and line), an unknown key or a bad value
     */
    public static TrainConfig load(Path file, List<String> sets) {
        Map<String, ConfigValue> settings = new LinkedHashMap<>(YamlSettingsReader.read(file));
        settings.putAll(SetOverrides.parse(sets));
        return TrainConfigAssembler.assemble(settings);
    }

    /**
     * The defaults, then {@code sets} ({@code key=value} strings as given to {@code --set}).
     *
     * @throws ConfigException for a malformed assignment, an unknown key or a bad value
     */
    public static TrainConfig fromSets(List<String> sets) {
        return TrainConfigAssembler.assemble(SetOverrides.parse(sets));
    }

    /**
     * A copy with the given keys changed. Setting {@code algorithm.recipe} starts the algorithm over from that
     * recipe (this config's other algorithm values are dropped); the other {@code algorithm.*} keys in
     * {@code overrides} then apply over it.
     *
     * @throws ConfigException for an unknown key or a bad value
     */
    public TrainConfig with(Map<String, String> overrides) {
        Map<String, ConfigValue> changes = SetOverrides.canonical(overrides, OVERRIDE);
        boolean newRecipe = changes.containsKey(TrainConfigKeys.ALGORITHM_RECIPE);
        Map<String, ConfigValue> settings = new LinkedHashMap<>();
        toMap().forEach((key, text) -> {
            boolean algorithmValue = key.startsWith(TrainConfigKeys.ALGORITHM_PREFIX)
                    && !key.equals(TrainConfigKeys.ALGORITHM_RECIPE);
            if (!(newRecipe && algorithmValue)) {
                settings.put(key, new ConfigValue(text, CONFIG));
            }
        });
        settings.putAll(changes);
        return TrainConfigAssembler.assemble(settings);
    }

    /** A copy with one key changed; see {@link #with(Map)}. */
    public TrainConfig with(String key, String value) {
        return with(Map.of(key, value));
    }

    /**
     * Every key with its effective value as text, in {@link TrainConfigKeys#names()} order with the
     * {@code task.options.NAME} keys after {@code task.suite}; {@code model.dir} is empty when unset.
     */
    public Map<String, String> toMap() {
        return TrainConfigKeys.toMap(this);
    }

    /** The resolved config as YAML: every key with its effective value; {@link #load} of it gives an equal config. */
    public String toYaml() {
        return TrainConfigWriter.toYaml(this);
    }

    /** Writes {@link #toYaml()} to {@code file} atomically, creating missing folders. */
    public void write(Path file) {
        TrainConfigWriter.write(this, file);
    }
}
