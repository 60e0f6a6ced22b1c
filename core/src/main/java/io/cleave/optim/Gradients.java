package io.cleave.optim;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import java.util.Collection;

/**
 * Operations on the gradients held by parameters: global-norm clipping (DJL's {@code clipGrad} clamps element
 * values only) and zeroing.
 */
public final class Gradients {

    private Gradients() {}

    /**
     * Scales every gradient by {@code min(1, maxNorm / (||g|| + 1e-6))}, where {@code ||g||} is the L2 norm over all
     * gradients together, and returns {@code ||g||} before clipping.
     */
    public static double clipGlobalNorm(Collection<Parameter> parameters, double maxNorm) {
        try (NDManager scratch = parameters.iterator().next().getArray().getManager().newSubManager()) {
            NDList squares = new NDList();
            NDList grads = new NDList();
            for (Parameter p : parameters) {
                NDArray g = p.getArray().getGradient();
                g.attach(scratch);
                grads.add(g);
                squares.add(g.square().sum());
            }
            double norm = Math.sqrt(NDArrays.stack(squares).sum().getFloat());
            if (norm > maxNorm) {
                float scale = (float) (maxNorm / (norm + 1e-6));
                for (NDArray g : grads) {
                    g.muli(scale);
                }
            }
            return norm;
        }
    }

    /** Sets every gradient to zero. */
    public static void zero(Collection<Parameter> parameters) {
        for (Parameter p : parameters) {
            JniUtils.zeroGrad((PtNDArray) p.getArray());
        }
    }
}
