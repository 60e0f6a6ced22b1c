package io.cleave.model;

import ai.djl.ndarray.types.Shape;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Random initial weights, reproducible on any machine for a seed: matrices from {@code N(0, 0.02^2)} (Hugging
 * Face's {@code initializer_range}), RMSNorm weights 1, biases 0. Each parameter draws from its own stream,
 * derived from the seed and its position in the model's parameter order.
 */
public final class WeightInit {

    /** Standard deviation of initial matrix entries. */
    public static final double INIT_STD = 0.02;

    private WeightInit() {}

    /** Host arrays for every parameter of a model with these shapes, by name. */
    public static Map<String, float[]> random(Map<String, Shape> shapes, long seed) {
        Map<String, float[]> weights = new LinkedHashMap<>();
        SplittableRandom root = new SplittableRandom(seed);
        for (Map.Entry<String, Shape> e : shapes.entrySet()) {
            SplittableRandom stream = root.split();
            float[] values = new float[Math.toIntExact(e.getValue().size())];
            String name = e.getKey();
            if (name.endsWith("norm.weight")) {
                Arrays.fill(values, 1f);
            } else if (!name.endsWith(".bias")) {
                for (int i = 0; i < values.length; i++) {
                    values[i] = (float) (stream.nextGaussian() * INIT_STD);
                }
            }
            weights.put(name, values);
        }
        return weights;
    }
}
