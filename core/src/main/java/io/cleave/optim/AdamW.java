package io.cleave.optim;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.pytorch.jni.JniUtils;
import io.cleave.model.TorchRuntime;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * AdamW (Loshchilov and Hutter) over named parameters, with state that can be exported and restored exactly.
 *
 * <p>At step {@code t} with gradient {@code g}: {@code m = b1 m + (1-b1) g}, {@code v = b2 v + (1-b2) g^2},
 * {@code p = p (1 - lr wd) - lr (m / (1-b1^t)) / (sqrt(v / (1-b2^t)) + eps)}, as PyTorch's {@code AdamW}. Weight
 * decay skips parameters whose name ends in {@code norm.weight} or {@code .bias}. The update runs with autograd
 * off and writes the parameters in place; gradients are zeroed after the step.
 */
public final class AdamW implements AutoCloseable {

    private final Map<String, Parameter> parameters;
    private final AdamWConfig config;
    private final NDManager manager;
    private final Map<String, NDArray> firstMoment = new LinkedHashMap<>();
    private final Map<String, NDArray> secondMoment = new LinkedHashMap<>();
    private long step;

    /** An optimizer over these parameters (by name, in a fixed order). */
    public AdamW(Map<String, Parameter> parameters, AdamWConfig config) {
        this.parameters = new LinkedHashMap<>(parameters);
        this.config = config;
        this.manager = TorchRuntime.newManager();
        parameters.forEach((name, p) -> {
            firstMoment.put(name, manager.zeros(p.getArray().getShape()));
            secondMoment.put(name, manager.zeros(p.getArray().getShape()));
        });
    }

    /** Steps taken so far. */
    public long stepCount() {
        return step;
    }

    /** The hyper-parameters. */
    public AdamWConfig config() {
        return config;
    }

    /** Applies one update with learning rate {@code lr} from the gradients currently held by the parameters. */
    public void step(double lr) {
        step++;
        boolean gradWasOn = JniUtils.isGradMode();
        TorchRuntime.disableGrad();
        try (NDManager scratch = manager.newSubManager()) {
            double correction1 = 1 - Math.pow(config.beta1(), step);
            double correction2 = 1 - Math.pow(config.beta2(), step);
            float stepSize = (float) (lr / correction1);
            float rootCorrection2 = (float) Math.sqrt(correction2);
            for (Map.Entry<String, Parameter> e : parameters.entrySet()) {
                NDArray weight = e.getValue().getArray();
                NDArray grad = weight.getGradient();
                grad.attach(scratch);
                NDArray m = firstMoment.get(e.getKey());
                NDArray v = secondMoment.get(e.getKey());
                m.muli((float) config.beta1()).addi(grad.mul((float) (1 - config.beta1())));
                v.muli((float) config.beta2()).addi(grad.square().muli((float) (1 - config.beta2())));
                if (decays(e.getKey())) {
                    weight.muli((float) (1 - lr * config.weightDecay()));
                }
                NDArray denominator = v.sqrt();
                denominator.attach(scratch);
                denominator.divi(rootCorrection2).addi((float) config.epsilon());
                NDArray update = m.div(denominator);
                update.attach(scratch);
                weight.subi(update.muli(stepSize));
            }
        } finally {
            if (gradWasOn) {
                TorchRuntime.enableGrad();
            }
        }
        Gradients.zero(parameters.values());
    }

    private static boolean decays(String name) {
        return !(name.endsWith("norm.weight") || name.endsWith(".bias"));
    }

    /** The optimizer state as host arrays: {@code m.NAME}, {@code v.NAME} for every parameter. */
    public Map<String, float[]> exportMoments() {
        Map<String, float[]> out = new LinkedHashMap<>();
        firstMoment.forEach((name, m) -> out.put("m." + name, m.toFloatArray()));
        secondMoment.forEach((name, v) -> out.put("v." + name, v.toFloatArray()));
        return out;
    }

    /** Restores state exported by {@link #exportMoments} together with the step count it was taken at. */
    public void restore(Map<String, float[]> moments, long stepCount) {
        for (String name : parameters.keySet()) {
            float[] m = moments.get("m." + name);
            float[] v = moments.get("v." + name);
            if (m == null || v == null) {
                throw new IllegalArgumentException("optimizer state has no moments for " + name);
            }
            firstMoment.get(name).set(m);
            secondMoment.get(name).set(v);
        }
        this.step = stepCount;
    }

    @Override
    public void close() {
        manager.close();
    }
}
