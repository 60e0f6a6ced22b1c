package io.cleave.rollout.engine;

import io.cleave.model.SamplingConfig;

/**
 * How trajectories are sampled.
 *
 * @param sampling temperature (0 = greedy, for evaluation), top-k and top-p of every policy token
 * @param maxNewTokens most tokens (policy and tool results) a trajectory may have after its prompt
 * @param runSeed base of every random draw, mixed with (iteration, prompt id, branch id)
 */
public record RolloutConfig(SamplingConfig sampling, int maxNewTokens, long runSeed) {

    /** Validates the fields; messages name the key. */
    public RolloutConfig {
        if (sampling == null) {
            throw new IllegalArgumentException("rollout sampling must be set");
        }
        if (maxNewTokens <= 0) {
            throw new IllegalArgumentException("rollout.max-new-tokens must be > 0, got " + maxNewTokens);
        }
    }
}
