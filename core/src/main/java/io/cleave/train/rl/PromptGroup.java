package io.cleave.train.rl;

import io.cleave.rollout.engine.PromptSpec;
import io.cleave.train.metrics.TrajectoryStats;
import java.util.List;

/**
 * A prompt's rolled-out trajectories as the training loop sees them after a round: enough for dynamic sampling and
 * the metrics, while the trajectories themselves stay with the rollout back-end.
 *
 * @param prompt the prompt
 * @param trajectories its trajectories' statistics, in sample order
 */
public record PromptGroup(PromptSpec prompt, List<TrajectoryStats> trajectories) {

    /** Copies the trajectory list. */
    public PromptGroup {
        trajectories = List.copyOf(trajectories);
    }

    /** The trajectories' total rewards, in sample order. */
    public double[] rewards() {
        return trajectories.stream().mapToDouble(TrajectoryStats::reward).toArray();
    }

    /** Policy tokens sampled for this prompt (shared prefixes counted once). */
    public long sampledTokens() {
        return trajectories.stream().mapToLong(TrajectoryStats::sampledTokens).sum();
    }
}
