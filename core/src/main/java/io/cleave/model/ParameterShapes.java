package io.cleave.model;

import ai.djl.ndarray.types.Shape;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The name and shape of every parameter of an architecture, in Hugging Face naming and in a fixed order:
 * {@code model.embed_tokens.weight (V, C)}, per layer {@code input_layernorm (C)}, {@code q_proj (H*D, C)},
 * {@code k_proj, v_proj (Hkv*D, C)} (plus biases when {@code attention_bias}), {@code o_proj (C, H*D)},
 * {@code post_attention_layernorm (C)}, {@code gate_proj, up_proj (I, C)}, {@code down_proj (C, I)}; then
 * {@code model.norm (C)} and, when untied, {@code lm_head (V, C)}.
 */
public final class ParameterShapes {

    private ParameterShapes() {}

    /** Every parameter's shape by name. */
    public static Map<String, Shape> of(ModelConfig config) {
        Map<String, Shape> shapes = new LinkedHashMap<>();
        long c = config.hiddenSize();
        long q = (long) config.numAttentionHeads() * config.headDim();
        long kv = (long) config.numKeyValueHeads() * config.headDim();
        long inner = config.intermediateSize();
        shapes.put("model.embed_tokens.weight", new Shape(config.vocabSize(), c));
        for (int i = 0; i < config.numHiddenLayers(); i++) {
            String p = "model.layers." + i + ".";
            shapes.put(p + "input_layernorm.weight", new Shape(c));
            projection(shapes, p + "self_attn.q_proj", q, c, config.attentionBias());
            projection(shapes, p + "self_attn.k_proj", kv, c, config.attentionBias());
            projection(shapes, p + "self_attn.v_proj", kv, c, config.attentionBias());
            projection(shapes, p + "self_attn.o_proj", c, q, false);
            shapes.put(p + "post_attention_layernorm.weight", new Shape(c));
            projection(shapes, p + "mlp.gate_proj", inner, c, false);
            projection(shapes, p + "mlp.up_proj", inner, c, false);
            projection(shapes, p + "mlp.down_proj", c, inner, false);
        }
        shapes.put("model.norm.weight", new Shape(c));
        if (!config.tieWordEmbeddings()) {
            shapes.put("lm_head.weight", new Shape(config.vocabSize(), c));
        }
        return Collections.unmodifiableMap(shapes);
    }

    private static void projection(Map<String, Shape> shapes, String prefix, long out, long in, boolean bias) {
        shapes.put(prefix + ".weight", new Shape(out, in));
        if (bias) {
            shapes.put(prefix + ".bias", new Shape(out));
        }
    }
}
