package io.cleave.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * Causal grouped-query self-attention with rotary positions.
 *
 * <p>{@code softmax(Q K^T / sqrt(D) + mask) V} where each of the {@code Hkv} key/value heads serves
 * {@code G = H / Hkv} consecutive query heads. Queries are grouped as {@code (B, Hkv, G*S, D)} so keys and values
 * are never repeated. Shapes: input {@code (B, S, C)}, mask {@code (B, 1, S, T)} additive, output
 * {@code (B, S, C)}; {@code T = S} without a cache, {@code T} = slots in use with one.
 */
final class Attention extends FixedBlock {

    final Projection q;
    final Projection k;
    final Projection v;
    final Projection o;
    private final int heads;
    private final int kvHeads;
    private final int headDim;
    private final float scale;
    private final RotaryEmbedding rope;

    Attention(ModelConfig config, RotaryEmbedding rope) {
        this.rope = rope;
        heads = config.numAttentionHeads();
        kvHeads = config.numKeyValueHeads();
        headDim = config.headDim();
        scale = (float) (1.0 / Math.sqrt(headDim));
        q = addChildBlock("q_proj", new Projection(config.attentionBias()));
        k = addChildBlock("k_proj", new Projection(config.attentionBias()));
        v = addChildBlock("v_proj", new Projection(config.attentionBias()));
        o = addChildBlock("o_proj", new Projection(false));
    }

    /**
     * @param x hidden states {@code (B, S, C)}
     * @param angles rotary factors for this batch's positions
     * @param mask additive mask {@code (B, 1, S, T)}
     * @param cache the cache to write into and read from, or null to attend within {@code x} only
     * @param layer this layer's index in the cache
     * @param slot first cache slot written by this call
     */
    NDArray apply(NDArray x, RotaryEmbedding.Angles angles, NDArray mask, KvCache cache,
            int layer, int slot) {
        long b = x.getShape().get(0);
        long s = x.getShape().get(1);
        NDArray query = rope.rotate(split(q.apply(x), b, s, heads), angles); // (B, H, S, D)
        NDArray key = rope.rotate(split(k.apply(x), b, s, kvHeads), angles); // (B, Hkv, S, D)
        NDArray value = split(v.apply(x), b, s, kvHeads); // (B, Hkv, S, D)
        if (cache != null) {
            cache.write(layer, key, value, slot);
            int end = slot + (int) s;
            key = cache.keys(layer, end, x.getManager()); // (B, Hkv, T, D)
            value = cache.values(layer, end, x.getManager());
        }
        long t = key.getShape().get(2);
        int groups = heads / kvHeads;
        NDArray grouped = query.reshape(b, kvHeads, groups * s, headDim); // (B, Hkv, G*S, D)
        // The scale is an array of this pass's manager, not a Number: DJL's mul(Number) frees its temporary
        // scalar while autograd still holds it for the backward pass (see TorchRuntime#scalar).
        NDArray scores = grouped.matMul(key.transpose(0, 1, 3, 2)) // (B, Hkv, G*S, T)
                .mul(TorchRuntime.scalar(x.getManager(), scale))
                .reshape(b, kvHeads, groups, s, t)
                .add(mask.expandDims(1)); // mask (B, 1, 1, S, T)
        NDArray weights = scores.softmax(-1).reshape(b, kvHeads, groups * s, t);
        NDArray context = weights.matMul(value) // (B, Hkv, G*S, D)
                .reshape(b, heads, s, headDim)
                .transpose(0, 2, 1, 3)
                .reshape(b, s, (long) heads * headDim); // (B, S, C)
        return o.apply(context);
    }

    private NDArray split(NDArray projected, long b, long s, int n) { // (B, S, n*D) -> (B, n, S, D)
        return projected.reshape(b, s, n, headDim).transpose(0, 2, 1, 3);
    }

    /** Inputs: hidden states {@code (B, S, C)}, positions {@code (B, S)}, additive mask {@code (B, 1, S, S)}. */
    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> p) {
        NDArray x = inputs.get(0); // (B, S, C)
        NDArray positions = inputs.get(1); // (B, S) int64
        NDArray mask = inputs.get(2); // (B, 1, S, S)
        return new NDList(apply(x, rope.angles(positions), mask, null, 0, 0));
    }
}
