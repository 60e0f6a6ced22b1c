package io.cleave.optim;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.GradientCollector;
import io.cleave.model.TorchRuntime;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Operations on the gradients held by parameters: global-norm clipping (DJL's {@code clipGrad} clamps element
 * values only), zeroing, copies to and from host arrays, and the JVM-wide lock that serialises gradient
 * computations.
 */
public final class Gradients {

    /**
     * One gradient computation at a time per JVM: DJL's PyTorch gradient collector is process-wide (a second one
     * open at the same time fails), and a JVM's cached policy has a single set of gradient buffers.
     */
    private static final ReentrantLock JVM_LOCK = new ReentrantLock();

    private Gradients() {}

    /** Runs {@code work} holding the JVM's gradient lock (re-entrant). */
    public static <T> T exclusively(Supplier<T> work) {
        JVM_LOCK.lock();
        try {
            return work.get();
        } finally {
            JVM_LOCK.unlock();
        }
    }

    /** Host copies of every parameter's gradient, by name in the map's order (zeros where none was computed). */
    public static LinkedHashMap<String, float[]> read(Map<String, Parameter> parameters) {
        LinkedHashMap<String, float[]> out = new LinkedHashMap<>();
        for (Map.Entry<String, Parameter> e : parameters.entrySet()) {
            try (NDArray g = e.getValue().getArray().getGradient()) {
                out.put(e.getKey(), g.toFloatArray());
            }
        }
        return out;
    }

    /**
     * Overwrites every parameter's gradient with the host values of the same name: the gradient buffer is zeroed and
     * the values are added to it in place. (DJL's {@code NDArray.set} would instead make the buffer alias a host
     * buffer owned by the short-lived gradient handle, which the garbage collector then frees under the tensor.)
     * Parameters that have no gradient buffer yet (nothing was ever back-propagated through them in this process)
     * first get a zero one, by back-propagating {@code 0 * sum(p)}.
     *
     * @throws IllegalArgumentException when a name is missing or a size differs
     */
    public static void write(Map<String, Parameter> parameters, Map<String, float[]> gradients) {
        for (Map.Entry<String, Parameter> e : parameters.entrySet()) {
            float[] values = gradients.get(e.getKey());
            if (values == null || values.length != e.getValue().getArray().size()) {
                throw new IllegalArgumentException("gradient for " + e.getKey() + " is missing or of the wrong size");
            }
        }
        if (!allAllocated(parameters.values())) {
            exclusively(() -> {
                allocate(parameters.values());
                return null;
            });
        }
        zero(parameters.values());
        try (NDManager scratch = parameters.values().iterator().next().getArray().getManager().newSubManager()) {
            for (Map.Entry<String, Parameter> e : parameters.entrySet()) {
                NDArray weight = e.getValue().getArray();
                NDArray g = weight.getGradient();
                g.attach(scratch);
                g.addi(scratch.create(gradients.get(e.getKey()), weight.getShape()));
            }
        }
    }

    private static boolean allAllocated(Collection<Parameter> parameters) {
        for (Parameter p : parameters) {
            try (NDArray g = JniUtils.getGradient((PtNDArray) p.getArray())) {
                if (g == null) {
                    return false;
                }
            }
        }
        return true;
    }

    private static void allocate(Collection<Parameter> parameters) {
        try (NDManager scratch = parameters.iterator().next().getArray().getManager().newSubManager();
                GradientCollector collector = TorchRuntime.engine().newGradientCollector()) {
            NDList sums = new NDList();
            for (Parameter p : parameters) {
                NDArray sum = p.getArray().sum();
                sum.attach(scratch);
                sums.add(sum);
            }
            collector.backward(NDArrays.stack(sums).sum().mul(TorchRuntime.scalar(scratch, 0)));
        }
    }

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
