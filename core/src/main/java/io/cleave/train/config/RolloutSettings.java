package io.cleave.train.config;

import io.cleave.model.SamplingConfig;
import java.util.Objects;

/**
 * How trajectories are sampled.
 *
 * @param maxNewTokens most tokens the policy generates per trajectory, tool results not counted (key
 *     {@code rollout.max-new-tokens}), &gt;= 1
 * @param sampling temperature, top-k and top-p (keys {@code rollout.temperature}, {@code rollout.top-k},
 *     {@code rollout.top-p}); ranges as in {@link SamplingConfig}
 */
public record RolloutSettings(int maxNewTokens, SamplingConfig sampling) {

    /** 256 new tokens, {@link SamplingConfig#DEFAULT} sampling. */
    public static RolloutSettings defaults() {
        return new RolloutSettings(256, SamplingConfig.DEFAULT);
    }

    /** Validates every field; messages name the key. */
    public RolloutSettings {
        if (maxNewTokens < 1) {
            throw new IllegalArgumentException("rollout.max-new-tokens must be >= 1, got " + maxNewTokens);
        }
        Objects.requireNonNull(sampling, "rollout sampling");
    }
}
