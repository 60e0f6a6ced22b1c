package io.cleave.train.rl;

import io.cleave.algo.recipe.AlgorithmConfig;
import io.cleave.env.protocol.ToolEnvironment;
import io.cleave.env.tasks.PromptLimit;
import io.cleave.env.tasks.TaskSuite;
import io.cleave.model.ModelConfig;
import io.cleave.model.Policy;
import io.cleave.model.SamplingConfig;
import io.cleave.model.io.ModelDirectory;
import io.cleave.optim.AdamW;
import io.cleave.rollout.engine.RolloutConfig;
import io.cleave.tokenizer.CharTokenizer;
import io.cleave.train.config.ConfigException;
import io.cleave.train.config.TrainConfig;
import io.cleave.train.config.TrainConfigKeys;
import io.cleave.train.eval.Evaluator;
import io.cleave.train.update.PolicyUpdate;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Everything a training run builds from its {@link TrainConfig} before the first iteration: the policy (from the
 * model directory, or freshly initialised), a frozen reference when the KL term is in the loss, AdamW with the
 * warm-up schedule, the task suite (without the rows whose prompt leaves no room for a response, see
 * {@link PromptLimit}) and its tools, the prompt schedule and the update. The {@link TrainingLoop} starts here
 * whatever its rollout back-end, so the single-process run and the Spark job train the same thing.
 */
public final class TrainingSetup implements AutoCloseable {

    /** Training prompts drawn into the schedule's pool from a generated suite; a data file's rows are all used. */
    public static final int PROMPT_POOL = 4096;

    private final TrainConfig config;
    private final Policy policy;
    private final Policy reference;
    private final AdamW optimizer;
    private final TaskSuite suite;
    private final ToolEnvironment env;
    private final PromptSchedule schedule;
    private final PolicyUpdate update;

    private TrainingSetup(TrainConfig config) {
        this.config = config;
        this.policy = loadPolicy(config);
        AlgorithmConfig algorithm = config.algorithm().config();
        boolean klInLoss = algorithm.klCoef() > 0 && algorithm.klPlacement().equals("loss");
        this.reference = klInLoss || algorithm.rewardKlCoef() > 0
                ? Policy.withWeights(policy.config(), policy.tokenizer(), policy.weights()) : null;
        try {
            this.suite = config.task().newSuite().withPromptLimit(promptLimit(config, policy));
        } catch (RuntimeException e) {
            policy.close();
            if (reference != null) {
                reference.close();
            }
            throw e;
        }
        this.optimizer = new AdamW(policy.model().namedParameters(), config.optim().adamw());
        this.env = new ToolEnvironment(suite.tools(), config.env());
        int pool = suite.dataset().isPresent() ? Integer.MAX_VALUE : PROMPT_POOL;
        this.schedule = new PromptSchedule(suite, pool, config.run().seed(), policy.tokenizer());
        double clip = config.optim().clipsGradients() ? config.optim().gradClip() : Double.POSITIVE_INFINITY;
        this.update = new PolicyUpdate(policy, klInLoss ? reference : null, optimizer, algorithm,
                config.rollout().sampling().scoringTemperature(), clip,
                step -> config.optim().learningRate(step + 1), config.optim().maxNonfiniteSteps());
    }

    /** Builds the run's components; fails with a message naming the problem before any work starts. */
    public static TrainingSetup create(TrainConfig config) {
        return new TrainingSetup(config);
    }

    /**
     * Prompts may take the model's positions minus {@code rollout.max-new-tokens}.
     *
     * @throws ConfigException when {@code rollout.max-new-tokens} leaves no room for a prompt
     */
    private static PromptLimit promptLimit(TrainConfig config, Policy policy) {
        int positions = policy.config().maxPositionEmbeddings();
        int response = config.rollout().maxNewTokens();
        if (response >= positions) {
            throw new ConfigException(TrainConfigKeys.ROLLOUT_MAX_NEW_TOKENS + " = " + response + " must be below the "
                    + "model's max_position_embeddings (" + positions + ") to leave room for the prompt");
        }
        return new PromptLimit(text -> policy.tokenizer().encode(text).length, positions - response,
                "max_position_embeddings " + positions + " minus " + TrainConfigKeys.ROLLOUT_MAX_NEW_TOKENS + " "
                        + response);
    }

    private static Policy loadPolicy(TrainConfig config) {
        if (config.model().dir().isPresent()) {
            return ModelDirectory.load(config.model().dir().get());
        }
        CharTokenizer tokenizer = CharTokenizer.instance();
        return Policy.initialize(ModelConfig.preset(config.model().initPreset(), tokenizer.vocabSize()), tokenizer,
                config.run().seed());
    }

    /** Sampling settings of training rollouts. */
    public RolloutConfig rolloutConfig() {
        return new RolloutConfig(config.rollout().sampling(), config.rollout().maxNewTokens(), config.run().seed());
    }

    /** Held-out evaluation with greedy decoding. */
    public Evaluator evaluator() {
        return new Evaluator(policy, env, new SamplingConfig(0, 0, 1.0),
                config.rollout().maxNewTokens(), config.run().seed());
    }

    /** Directory holding the tokenizer files of the starting model, or null for the character tokenizer. */
    public Path tokenizerSource() {
        return policy.tokenizer() instanceof CharTokenizer ? null : config.model().dir().orElse(null);
    }

    public TrainConfig config() {
        return config;
    }

    public Policy policy() {
        return policy;
    }

    public AdamW optimizer() {
        return optimizer;
    }

    public TaskSuite suite() {
        return suite;
    }

    /** The tools of the task suite, with the environment's limits. */
    public ToolEnvironment env() {
        return env;
    }

    public PromptSchedule schedule() {
        return schedule;
    }

    public PolicyUpdate update() {
        return update;
    }

    /** The frozen reference of the KL penalty in the reward ({@code reinforce++}), when the algorithm has one. */
    public Optional<Policy> rewardReference() {
        return config.algorithm().config().rewardKlCoef() > 0 ? Optional.of(reference) : Optional.empty();
    }

    @Override
    public void close() {
        env.close();
        optimizer.close();
        if (reference != null) {
            reference.close();
        }
        policy.close();
    }
}
