package io.cleave.spark.train;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The broadcast content of one weights version: the weights themselves, or, for models too large for a
 * broadcast, the path of a model directory every executor can read.
 *
 * @param version weights version (the iteration that produced them)
 * @param weights host arrays by Hugging Face name, or null when {@code modelDir} is set
 * @param modelDir directory holding this version, or null when {@code weights} is set
 */
public record WeightsPayload(long version, LinkedHashMap<String, float[]> weights, String modelDir)
        implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The payload of in-memory weights. */
    public static WeightsPayload inline(long version, Map<String, float[]> weights) {
        return new WeightsPayload(version, new LinkedHashMap<>(weights), null);
    }

    /** The payload naming a directory that holds this version. */
    public static WeightsPayload atPath(long version, String modelDir) {
        return new WeightsPayload(version, null, modelDir);
    }

    /** Bytes a broadcast of these weights would ship (0 for a path). */
    public long bytes() {
        return weights == null ? 0 : weights.values().stream().mapToLong(a -> 4L * a.length).sum();
    }
}
