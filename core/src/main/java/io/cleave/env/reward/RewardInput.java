package io.cleave.env.reward;

import io.cleave.env.protocol.ParsedTrajectory;
import java.util.Objects;

/**
 * What a reward scores.
 *
 * @param trajectory the parsed trajectory
 * @param gold the gold answer
 * @param metric how the task compares answers (used by {@code arpo})
 */
public record RewardInput(ParsedTrajectory trajectory, String gold, AnswerMetric metric) {

    /** Checks for nulls. */
    public RewardInput {
        Objects.requireNonNull(trajectory, "trajectory");
        Objects.requireNonNull(gold, "gold");
        Objects.requireNonNull(metric, "metric");
    }
}
