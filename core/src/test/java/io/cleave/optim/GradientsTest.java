package io.cleave.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import io.cleave.model.TorchRuntime;
import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Gradients written from host arrays, also into parameters nothing was ever back-propagated through. */
class GradientsTest {

    private static Map<String, Parameter> params(NDManager manager) {
        Map<String, Parameter> params = new LinkedHashMap<>();
        for (String name : new String[] {"w", "b"}) {
            Parameter p = Parameter.builder().setName(name).setType(Parameter.Type.WEIGHT).build();
            p.setArray(manager.create(name.equals("w") ? new float[] {1, 2, 3} : new float[] {4}));
            p.getArray().setRequiresGradient(true);
            params.put(name, p);
        }
        return params;
    }

    @Test
    void writtenGradientsAreReadBackClippedAndUsedByAdamW() {
        try (NDManager manager = TorchRuntime.newManager()) {
            Map<String, Parameter> params = params(manager);
            Gradients.write(params, Map.of("w", new float[] {3, 0, 0}, "b", new float[] {-4}));
            Map<String, float[]> back = Gradients.read(params);
            assertArrayEquals(new float[] {3, 0, 0}, back.get("w"));
            assertArrayEquals(new float[] {-4}, back.get("b"));
            assertEquals(5.0, Gradients.clipGlobalNorm(params.values(), 1.0), 1e-6);
            assertArrayEquals(new float[] {0.6f, 0, 0}, Gradients.read(params).get("w"), 1e-6f);
            try (AdamW adam = new AdamW(params, new AdamWConfig(0.1, 0.9, 0.99, 1e-8, 0))) {
                adam.step(0.1);
            }
            // first AdamW step moves each parameter by lr * sign(g) where g != 0
            assertArrayEquals(new float[] {0.9f, 2, 3}, params.get("w").getArray().toFloatArray(), 1e-6f);
            assertArrayEquals(new float[] {4.1f}, params.get("b").getArray().toFloatArray(), 1e-6f);
            assertArrayEquals(new float[] {0, 0, 0}, Gradients.read(params).get("w"), "zeroed after the step");
        }
    }

    @Test
    void writtenGradientsOutliveGarbageCollection() {
        try (NDManager manager = TorchRuntime.newManager()) {
            Map<String, Parameter> params = params(manager);
            float[] w = new float[4096];
            for (int i = 0; i < w.length; i++) {
                w[i] = i;
            }
            Parameter big = Parameter.builder().setName("big").setType(Parameter.Type.WEIGHT).build();
            big.setArray(manager.zeros(new Shape(w.length)));
            big.getArray().setRequiresGradient(true);
            params.put("big", big);
            Gradients.write(params, Map.of("w", new float[3], "b", new float[1], "big", w));
            for (int round = 0; round < 5; round++) {
                System.gc();
                for (int k = 0; k < 200; k++) {
                    ByteBuffer reuse = ByteBuffer.allocateDirect(4 * w.length);
                    while (reuse.hasRemaining()) {
                        reuse.put((byte) 0x7f);
                    }
                }
            }
            assertArrayEquals(w, Gradients.read(params).get("big"));
        }
    }

    @Test
    void aMissingOrMisSizedGradientIsRefused() {
        try (NDManager manager = TorchRuntime.newManager()) {
            Map<String, Parameter> params = params(manager);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> Gradients.write(params, Map.of("w", new float[3])));
            assertTrue(e.getMessage().contains("gradient for b"), e.getMessage());
            assertThrows(IllegalArgumentException.class,
                    () -> Gradients.write(params, Map.of("w", new float[2], "b", new float[1])));
        }
    }
}
