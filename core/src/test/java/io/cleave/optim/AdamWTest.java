package io.cleave.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import io.cleave.model.TorchRuntime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** AdamW and clipping against the textbook formulas evaluated by hand in double precision. */
class AdamWTest {

    @Test
    void threeStepsMatchTheTextbookUpdateWithDecoupledDecay() {
        try (NDManager manager = TorchRuntime.newManager()) {
            Parameter w = param(manager, "layer.weight", new float[] {0.5f, -1.0f, 2.0f});
            Parameter b = param(manager, "layer.bias", new float[] {0.1f});
            Map<String, Parameter> params = new LinkedHashMap<>();
            params.put("layer.weight", w);
            params.put("layer.bias", b);
            AdamWConfig config = new AdamWConfig(0.1, 0.9, 0.99, 1e-8, 0.5);
            double[] p = {0.5, -1.0, 2.0, 0.1};
            double[] m = new double[4];
            double[] v = new double[4];
            try (AdamW adam = new AdamW(params, config)) {
                for (int t = 1; t <= 3; t++) {
                    double[] g = new double[4];
                    try (GradientCollector gc = TorchRuntime.engine().newGradientCollector()) {
                        // loss = sum(w^3) + 3 * b^2  ->  g_w = 3 w^2, g_b = 6 b
                        NDArray loss = w.getArray().pow(3).sum().add(b.getArray().square().sum().mul(3));
                        gc.backward(loss);
                    }
                    for (int i = 0; i < 4; i++) {
                        g[i] = i < 3 ? 3 * p[i] * p[i] : 6 * p[i];
                    }
                    adam.step(0.1);
                    for (int i = 0; i < 4; i++) {
                        m[i] = 0.9 * m[i] + 0.1 * g[i];
                        v[i] = 0.99 * v[i] + 0.01 * g[i] * g[i];
                        double mHat = m[i] / (1 - Math.pow(0.9, t));
                        double vHat = v[i] / (1 - Math.pow(0.99, t));
                        double decay = i < 3 ? 1 - 0.1 * 0.5 : 1;
                        p[i] = p[i] * decay - 0.1 * mHat / (Math.sqrt(vHat) + 1e-8);
                    }
                    float[] got = concat(w.getArray().toFloatArray(), b.getArray().toFloatArray());
                    for (int i = 0; i < 4; i++) {
                        assertEquals(p[i], got[i], 1e-5, "step " + t + " entry " + i);
                    }
                    assertArrayEquals(new float[3], w.getArray().getGradient().toFloatArray(), "zeroed after step");
                }
                Map<String, float[]> state = adam.exportMoments();
                try (AdamW restored = new AdamW(params, config)) {
                    restored.restore(state, adam.stepCount());
                    assertArrayEquals(state.get("v.layer.weight"), restored.exportMoments().get("v.layer.weight"));
                    assertEquals(3, restored.stepCount());
                }
            }
        }
    }

    @Test
    void globalNormClippingScalesAllGradientsTogether() {
        try (NDManager manager = TorchRuntime.newManager()) {
            Parameter a = param(manager, "a", new float[] {3f});
            Parameter c = param(manager, "c", new float[] {2f});
            try (GradientCollector gc = TorchRuntime.engine().newGradientCollector()) {
                // grads: d/da (a^2/2 * 1) = 3 ; d/dc (2 c^2) = 8 -> norm sqrt(9 + 64) = sqrt(73)
                gc.backward(a.getArray().square().div(2).sum().add(c.getArray().square().mul(2).sum()));
            }
            double norm = Gradients.clipGlobalNorm(List.of(a, c), 1.0);
            assertEquals(Math.sqrt(73), norm, 1e-5);
            double scale = 1.0 / (Math.sqrt(73) + 1e-6);
            assertEquals(3 * scale, a.getArray().getGradient().getFloat(0), 1e-6);
            assertEquals(8 * scale, c.getArray().getGradient().getFloat(0), 1e-6);
            assertEquals(1.0, Gradients.clipGlobalNorm(List.of(a, c), 5.0), 1e-5, "below the bound: unchanged");
        }
    }

    private static Parameter param(NDManager manager, String name, float[] values) {
        Parameter p = Parameter.builder().setName(name).setType(Parameter.Type.WEIGHT).build();
        NDArray array = manager.create(values, new Shape(values.length));
        p.setArray(array);
        array.setRequiresGradient(true);
        return p;
    }

    private static float[] concat(float[] a, float[] b) {
        float[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
