package io.cleave.spark.executor;

import io.cleave.algo.recipe.AlgorithmConfig;
import io.cleave.env.protocol.EnvLimits;
import io.cleave.env.tasks.TaskSuite;
import io.cleave.env.tasks.registry.TaskSuiteRegistry;
import io.cleave.model.ModelConfig;
import io.cleave.model.SamplingConfig;
import io.cleave.rollout.engine.RolloutConfig;
import io.cleave.train.config.TrainConfig;
import java.io.Serializable;
import java.util.HashMap;
import java.util.Map;

/**
 * What an executor needs to roll out, as plain serializable values: the architecture, the tokenizer, the task
 * suite (its tools are rebuilt once per executor JVM), the environment limits, the algorithm and the sampling
 * settings.
 *
 * @param modelConfig Hugging Face {@code config.json} fields of the architecture
 * @param tokenizerDir directory holding {@code tokenizer.json}, or null for the character tokenizer
 * @param suite task suite name
 * @param suiteOptions task suite options
 * @param envLimits {max tool calls, max result chars, tool time-out ms, max trajectory chars}
 * @param algorithm every algorithm key with its value
 * @param temperature sampling temperature
 * @param topK sampling top-k
 * @param topP sampling top-p
 * @param maxNewTokens longest trajectory after the prompt
 * @param runSeed the run's seed
 */
public record JobSpec(HashMap<String, Object> modelConfig, String tokenizerDir, String suite,
        HashMap<String, String> suiteOptions, long[] envLimits, HashMap<String, String> algorithm,
        double temperature, int topK, double topP, int maxNewTokens, long runSeed) implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The executor-side view of a training config for a model of architecture {@code model}. */
    public static JobSpec of(TrainConfig config, ModelConfig model, String tokenizerDir) {
        EnvLimits env = config.env();
        SamplingConfig s = config.rollout().sampling();
        return new JobSpec(new HashMap<>(model.toHuggingFace()), tokenizerDir, config.task().suite(),
                new HashMap<>(config.task().options()), new long[] {env.maxToolCalls(), env.maxResultChars(),
                        env.toolTimeoutMs(), env.maxTrajectoryChars()},
                new HashMap<>(config.algorithm().config().toMap()), s.temperature(), s.topK(), s.topP(),
                config.rollout().maxNewTokens(), config.run().seed());
    }

    ModelConfig model() {
        return ModelConfig.fromHuggingFace(modelConfig, "job spec");
    }

    /** The algorithm settings. */
    public AlgorithmConfig algorithmConfig() {
        return AlgorithmConfig.defaults().with(algorithm);
    }

    /** The sampling settings of rollouts. */
    public RolloutConfig rollout() {
        return new RolloutConfig(new SamplingConfig(temperature, topK, topP), maxNewTokens, runSeed);
    }

    /** The tool-call limits. */
    public EnvLimits limits() {
        return new EnvLimits((int) envLimits[0], (int) envLimits[1], envLimits[2], (int) envLimits[3]);
    }

    TaskSuite newSuite() {
        return TaskSuiteRegistry.create(suite, Map.copyOf(suiteOptions));
    }
}
