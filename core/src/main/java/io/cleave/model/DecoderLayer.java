package io.cleave.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * One pre-norm decoder layer: {@code h = x + Attn(RMSNorm(x)); y = h + MLP(RMSNorm(h))}.
 * Shapes: {@code (B, S, C) -> (B, S, C)}.
 */
final class DecoderLayer extends FixedBlock {

    final RmsNorm inputNorm;
    final Attention attention;
    final RmsNorm postAttentionNorm;
    final SwiGluMlp mlp;
    private final RotaryEmbedding rope;

    DecoderLayer(ModelConfig config, RotaryEmbedding rope) {
        this.rope = rope;
        inputNorm = addChildBlock("input_layernorm", new RmsNorm(config.rmsNormEps()));
        attention = addChildBlock("self_attn", new Attention(config, rope));
        postAttentionNorm = addChildBlock("post_attention_layernorm", new RmsNorm(config.rmsNormEps()));
        mlp = addChildBlock("mlp", new SwiGluMlp());
    }

    NDArray apply(NDArray x, RotaryEmbedding.Angles angles, NDArray mask, KvCache cache, int layer, int slot) {
        NDArray h = x.add(attention.apply(inputNorm.apply(x), angles, mask, cache, layer, slot));
        return h.add(mlp.apply(postAttentionNorm.apply(h)));
    }

    /** Inputs: hidden states {@code (B, S, C)}, positions {@code (B, S)}, additive mask {@code (B, 1, S, S)}. */
    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> p) {
        return new NDList(apply(inputs.get(0), rope.angles(inputs.get(1)), inputs.get(2), null, 0, 0));
    }
}
