package io.cleave.spark.executor;

import io.cleave.model.Policy;
import io.cleave.model.io.ModelDirectory;
import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The broadcast content of one weights version: the weights themselves, or, for models too large for a
 * broadcast, the path of a model directory every executor can read.
 *
 * @param run identity of the training run (executor caches key on run and version)
 * @param version weights version (the number of updates that produced them)
 * @param weights host arrays by Hugging Face name, or null when {@code modelDir} is set
 * @param modelDir directory holding this version, or null when {@code weights} is set
 */
public record WeightsPayload(String run, long version, LinkedHashMap<String, float[]> weights, String modelDir)
        implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Weights larger than this go to executors as a model directory path instead of a broadcast. */
    public static final long MAX_INLINE_BYTES = 1L << 30;

    /**
     * The payload of {@code policy}'s current weights: inline up to {@link #MAX_INLINE_BYTES}, else saved as a model
     * directory {@code spillRoot/v<version>} (with the tokenizer files of {@code tokenizerSource}, or none).
     */
    public static WeightsPayload of(Policy policy, String run, long version, Path spillRoot, Path tokenizerSource)
            throws IOException {
        if (4 * policy.config().parameterCount() <= MAX_INLINE_BYTES) {
            return inline(run, version, policy.weights());
        }
        Path dir = spillRoot.resolve("v" + version);
        ModelDirectory.save(policy, dir, tokenizerSource);
        return atPath(run, version, dir.toString());
    }

    /** The payload of in-memory weights. */
    public static WeightsPayload inline(String run, long version, Map<String, float[]> weights) {
        return new WeightsPayload(run, version, new LinkedHashMap<>(weights), null);
    }

    /** The payload naming a directory that holds this version. */
    public static WeightsPayload atPath(String run, long version, String modelDir) {
        return new WeightsPayload(run, version, null, modelDir);
    }

    /** The cache key of this version: run and version. */
    public String key() {
        return run + "/v" + version;
    }

    /** Bytes a broadcast of these weights would ship (0 for a path). */
    public long bytes() {
        return weights == null ? 0 : weights.values().stream().mapToLong(a -> 4L * a.length).sum();
    }
}
