package io.cleave.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.ndarray.types.SparseFormat;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The decoder-only language model: embedding, {@code L} {@link DecoderLayer}s, final RMSNorm and an output head
 * (tied to the embedding or its own {@code lm_head}).
 *
 * <p>Shapes: tokens {@code (B, S)} int64, positions {@code (B, S)} int64, additive mask {@code (B, 1, S, T)},
 * logits {@code (B, S, V)}. Parameters are named as in Hugging Face checkpoints ({@code model.layers.0.mlp.up_proj.weight}).
 */
public final class TransformerLm extends FixedBlock implements AutoCloseable {

    private final ModelConfig config;
    private final RotaryEmbedding rope;
    private final Parameter embedding;
    private final List<DecoderLayer> layers = new ArrayList<>();
    private final RmsNorm finalNorm;
    private final Projection lmHead;
    private final Map<String, Parameter> named = new LinkedHashMap<>();
    private final Map<String, Shape> shapes;

    TransformerLm(ModelConfig config, NDManager manager) {
        this.config = config;
        this.rope = new RotaryEmbedding(manager, config.headDim(), config.maxPositionEmbeddings(), config.ropeTheta());
        this.shapes = ParameterShapes.of(config);
        embedding = parameter("embed_tokens", Parameter.Type.WEIGHT);
        register("model.embed_tokens.weight", embedding);
        for (int i = 0; i < config.numHiddenLayers(); i++) {
            DecoderLayer layer = addChildBlock("layer" + i, new DecoderLayer(config, rope));
            layers.add(layer);
            String p = "model.layers." + i + ".";
            register(p + "input_layernorm.weight", layer.inputNorm.weight());
            registerProjection(p + "self_attn.q_proj", layer.attention.q);
            registerProjection(p + "self_attn.k_proj", layer.attention.k);
            registerProjection(p + "self_attn.v_proj", layer.attention.v);
            registerProjection(p + "self_attn.o_proj", layer.attention.o);
            register(p + "post_attention_layernorm.weight", layer.postAttentionNorm.weight());
            registerProjection(p + "mlp.gate_proj", layer.mlp.gate);
            registerProjection(p + "mlp.up_proj", layer.mlp.up);
            registerProjection(p + "mlp.down_proj", layer.mlp.down);
        }
        finalNorm = addChildBlock("norm", new RmsNorm(config.rmsNormEps()));
        register("model.norm.weight", finalNorm.weight());
        if (config.tieWordEmbeddings()) {
            lmHead = null;
        } else {
            lmHead = addChildBlock("lm_head", new Projection(false));
            register("lm_head.weight", lmHead.weight());
        }
    }

    private void registerProjection(String prefix, Projection projection) {
        register(prefix + ".weight", projection.weight());
        if (projection.bias() != null) {
            register(prefix + ".bias", projection.bias());
        }
    }

    private void register(String name, Parameter parameter) {
        if (!shapes.containsKey(name)) {
            throw new IllegalStateException("parameter " + name + " is not in ParameterShapes");
        }
        named.put(name, parameter);
    }

    /** The architecture. */
    public ModelConfig config() {
        return config;
    }

    /** Every trainable parameter by its Hugging Face name, in a fixed order. */
    public Map<String, Parameter> namedParameters() {
        return Collections.unmodifiableMap(named);
    }

    /** The shape each named parameter must have. */
    public Map<String, Shape> expectedShapes() {
        return shapes;
    }

    /** Gives every parameter its first array; the arrays become owned by the model. */
    void bind(Map<String, NDArray> arrays) {
        for (Map.Entry<String, Parameter> e : named.entrySet()) {
            FixedBlock.bind(e.getValue(), arrays.get(e.getKey()));
        }
    }

    /**
     * Runs the model.
     *
     * @param tokens {@code (B, S)} int64 token ids
     * @param positions {@code (B, S)} int64 rotary positions
     * @param mask {@code (B, 1, S, T)} additive attention mask (0 or a large negative)
     * @param cache key/value cache to write slots {@code [slot, slot + S)} of and attend over, or null
     * @param slot first slot written when a cache is given
     * @return logits {@code (B, S, V)}
     */
    public NDArray forward(NDArray tokens, NDArray positions, NDArray mask, KvCache cache, int slot) {
        NDArray table = embedding.getArray();
        NDArray x = tokens.getNDArrayInternal().embedding(tokens, table, SparseFormat.DENSE)
                .singletonOrThrow(); // (B, S, C)
        RotaryEmbedding.Angles angles = rope.angles(positions);
        for (int i = 0; i < layers.size(); i++) {
            x = layers.get(i).apply(x, angles, mask, cache, i, slot);
        }
        x = finalNorm.apply(x);
        if (lmHead != null) {
            return lmHead.apply(x);
        }
        return x.getNDArrayInternal().linear(x, table, null).singletonOrThrow(); // (B, S, V)
    }

    /** Inputs: tokens {@code (B, S)}, positions {@code (B, S)}, additive mask {@code (B, 1, S, S)}; output logits. */
    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> p) {
        return new NDList(forward(inputs.get(0), inputs.get(1), inputs.get(2), null, 0));
    }

    @Override
    public void close() {
        named.values().forEach(Parameter::close);
        rope.close();
    }
}
