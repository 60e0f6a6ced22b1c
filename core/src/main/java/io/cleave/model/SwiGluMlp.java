package io.cleave.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.nn.Activation;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * The gated feed-forward block of Llama/Qwen2: {@code down(silu(gate(x)) * up(x))}.
 * Shapes: {@code (B, S, C) -> (B, S, C)} through an inner width {@code I}.
 */
final class SwiGluMlp extends FixedBlock {

    final Projection gate;
    final Projection up;
    final Projection down;

    SwiGluMlp() {
        gate = addChildBlock("gate_proj", new Projection(false));
        up = addChildBlock("up_proj", new Projection(false));
        down = addChildBlock("down_proj", new Projection(false));
    }

    NDArray apply(NDArray x) {
        NDArray g = gate.apply(x);
        NDArray gated = g.mul(Activation.sigmoid(g)).mul(up.apply(x)); // silu(g) * up(x), (B, S, I)
        return down.apply(gated);
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> p) {
        return new NDList(apply(inputs.singletonOrThrow()));
    }
}
