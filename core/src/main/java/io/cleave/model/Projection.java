package io.cleave.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * A linear map with Hugging Face's weight layout: {@code y = x W^T + b}, weight {@code (out, in)}, optional bias
 * {@code (out)}. Shapes: {@code (..., in) -> (..., out)}.
 */
final class Projection extends FixedBlock {

    private final Parameter weight;
    private final Parameter bias;

    Projection(boolean withBias) {
        this.weight = parameter("weight", Parameter.Type.WEIGHT);
        this.bias = withBias ? parameter("bias", Parameter.Type.BIAS) : null;
    }

    Parameter weight() {
        return weight;
    }

    /** The bias parameter, or null when the projection has none. */
    Parameter bias() {
        return bias;
    }

    NDArray apply(NDArray x) {
        NDArray b = bias == null ? null : bias.getArray();
        return x.getNDArrayInternal().linear(x, weight.getArray(), b).singletonOrThrow();
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> p) {
        return new NDList(apply(inputs.singletonOrThrow()));
    }
}
