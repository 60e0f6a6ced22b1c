package io.cleave.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * Root-mean-square layer normalisation: {@code y = x / sqrt(mean(x^2) + eps) * weight}, over the last axis.
 * Shapes: {@code (..., C) -> (..., C)}; weight {@code (C)}.
 */
final class RmsNorm extends FixedBlock {

    private final Parameter weight;
    private final float eps;

    RmsNorm(double eps) {
        this.weight = parameter("weight", Parameter.Type.GAMMA);
        this.eps = (float) eps;
    }

    Parameter weight() {
        return weight;
    }

    NDArray apply(NDArray x) {
        NDArray rms = x.square().mean(new int[] {-1}, true).add(eps).sqrt();
        return x.div(rms).mul(weight.getArray());
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> p) {
        return new NDList(apply(inputs.singletonOrThrow()));
    }
}
