package io.cleave.model;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import io.cleave.tokenizer.Tokenizer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A Transformer policy: the model, its weights on one device, and its tokenizer. Two paths share the weights:
 * {@link #score} (full sequences, differentiable: the training path) and {@link #newSession} (incremental decoding
 * with a KV cache: the rollout path).
 *
 * <p>The policy owns one {@link NDManager} holding the weights; callers pass a per-step sub-manager to
 * {@link #score} and close it after the step, so native memory does not grow across steps.
 */
public final class Policy implements AutoCloseable {

    private final NDManager manager;
    private final TransformerLm model;
    private final Tokenizer tokenizer;

    private Policy(ModelConfig config, Tokenizer tokenizer, Map<String, float[]> weights, Device device) {
        if (tokenizer.vocabSize() > config.vocabSize()) {
            throw new IllegalArgumentException("tokenizer has " + tokenizer.vocabSize()
                    + " tokens but the model's vocab_size is " + config.vocabSize());
        }
        this.manager = device == null ? TorchRuntime.newManager() : TorchRuntime.newManager(device);
        this.tokenizer = tokenizer;
        this.model = new TransformerLm(config, manager);
        Map<String, NDArray> arrays = new LinkedHashMap<>();
        for (Map.Entry<String, Shape> e : model.expectedShapes().entrySet()) {
            float[] values = weights.get(e.getKey());
            if (values == null) {
                throw new IllegalArgumentException("missing tensor " + e.getKey());
            }
            if (values.length != e.getValue().size()) {
                throw new IllegalArgumentException("tensor " + e.getKey() + " has " + values.length
                        + " values, expected shape " + e.getValue());
            }
            arrays.put(e.getKey(), manager.create(values, e.getValue()));
        }
        model.bind(arrays);
    }

    /** A policy with random weights drawn by {@link WeightInit} from {@code seed}. */
    public static Policy initialize(ModelConfig config, Tokenizer tokenizer, long seed) {
        return new Policy(config, tokenizer, WeightInit.random(ParameterShapes.of(config), seed), null);
    }

    /** A policy with the given weights (host arrays by Hugging Face name; every tensor must be present). */
    public static Policy withWeights(ModelConfig config, Tokenizer tokenizer, Map<String, float[]> weights) {
        return new Policy(config, tokenizer, weights, null);
    }

    /** A policy with the given weights on {@code device} (an executor's GPU, say). */
    public static Policy withWeights(ModelConfig config, Tokenizer tokenizer, Map<String, float[]> weights,
            Device device) {
        return new Policy(config, tokenizer, weights, device);
    }

    /** The architecture. */
    public ModelConfig config() {
        return model.config();
    }

    /** The tokenizer. */
    public Tokenizer tokenizer() {
        return tokenizer;
    }

    /** The underlying block (parameters by Hugging Face name, raw forward). */
    public TransformerLm model() {
        return model;
    }

    /** The manager that owns the weights. */
    public NDManager manager() {
        return manager;
    }

    /** Trainable parameters in a fixed order. */
    public List<Parameter> parameters() {
        return List.copyOf(model.namedParameters().values());
    }

    /** Copies of every weight to the host, by Hugging Face name. */
    public Map<String, float[]> weights() {
        Map<String, float[]> out = new LinkedHashMap<>();
        model.namedParameters().forEach((name, p) -> out.put(name, p.getArray().toFloatArray()));
        return out;
    }

    /** Overwrites every weight in place (no new native arrays), e.g. when a new weights version arrives. */
    public void loadWeights(Map<String, float[]> weights) {
        for (Map.Entry<String, Parameter> e : model.namedParameters().entrySet()) {
            float[] values = weights.get(e.getKey());
            NDArray target = e.getValue().getArray();
            if (values == null || values.length != target.size()) {
                throw new IllegalArgumentException("weights for " + e.getKey() + " are missing or of the wrong size");
            }
            target.set(values);
        }
    }

    /**
     * Scores token sequences: each position's next-token log-prob and entropy under {@code softmax(logits / T)}.
     * Sequences may differ in length (right-padded internally).
     *
     * @param step manager for this call's arrays (close it after use)
     * @param sequences token ids, each at least 2 long and at most {@code max_position_embeddings}
     * @param temperature the sampling temperature the tokens were drawn with (1 for plain scoring)
     */
    public ScoreResult score(NDManager step, int[][] sequences, double temperature) {
        for (int i = 0; i < sequences.length; i++) {
            if (sequences[i].length < 2) {
                throw new IllegalArgumentException("sequence " + i + " needs at least 2 tokens to score");
            }
        }
        Padded padded = Padded.of(sequences, tokenizer.padId(), config().maxPositionEmbeddings());
        NDArray tokenArray = step.create(padded.tokens(), new Shape(padded.rows(), padded.width()));
        NDArray logits = forward(step, padded, tokenArray); // (B, T, V)
        NDArray logp = logits.get(":, :-1") // (B, T-1, V)
                .div(TorchRuntime.scalar(step, temperature)) // not div(Number): see TorchRuntime#scalar
                .logSoftmax(-1);
        NDArray targets = tokenArray.get(":, 1:").expandDims(-1); // (B, T-1, 1)
        NDArray tokenLogp = logp.gather(targets, 2).squeeze(-1); // (B, T-1)
        NDArray entropy = logp.exp().mul(logp).sum(new int[] {-1}).neg(); // (B, T-1)
        return new ScoreResult(tokenLogp, entropy,
                step.create(padded.nextTokenValid(), new Shape(padded.rows(), padded.width() - 1)));
    }

    /** Raw logits {@code (B, T, V)} of right-padded sequences (for checks against other implementations). */
    public NDArray logits(NDManager step, int[][] sequences) {
        Padded padded = Padded.of(sequences, tokenizer.padId(), config().maxPositionEmbeddings());
        return forward(step, padded, step.create(padded.tokens(), new Shape(padded.rows(), padded.width())));
    }

    private NDArray forward(NDManager step, Padded padded, NDArray tokenArray) {
        NDArray positions = step.create(padded.positions(), new Shape(padded.rows(), padded.width()));
        NDArray mask = AttentionMasks.causalPadded(step, padded.lengths(), padded.width());
        return model.forward(tokenArray, positions, mask, null, 0);
    }

    /**
     * Opens a decoding session with {@code rows} rows and room for {@code capacity} cache slots (it grows if
     * needed). Close it when done.
     */
    public DecodeSession newSession(int rows, int capacity) {
        return new DecodeSession(model, manager, rows, capacity, tokenizer.padId());
    }

    @Override
    public void close() {
        model.close();
        manager.close();
    }
}
