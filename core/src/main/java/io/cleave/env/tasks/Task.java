package io.cleave.env.tasks;

import io.cleave.env.protocol.ParsedTrajectory;
import io.cleave.env.reward.AnswerMetric;
import io.cleave.env.reward.RewardInput;
import java.io.Serializable;
import java.util.List;
import java.util.Objects;

/**
 * One problem.
 *
 * @param id stable identifier (the same problem always has the same id)
 * @param prompt the prompt text, {@code "Q: ...\n"} (see {@link Prompts}); the trajectory follows it
 * @param gold the gold answer
 * @param tools the tools the task may use
 * @param rewardName the reward to score it with (a {@link io.cleave.env.reward.RewardRegistry} name)
 * @param metric how the answer is compared with the gold answer
 * @param plan a reference solution for scripted experts
 */
public record Task(String id, String prompt, String gold, List<String> tools, String rewardName,
        AnswerMetric metric, Plan plan) implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Checks for nulls and copies the tool list. */
    public Task {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(prompt, "prompt");
        Objects.requireNonNull(gold, "gold");
        Objects.requireNonNull(rewardName, "rewardName");
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(plan, "plan");
        tools = List.copyOf(tools);
    }

    /** The reward input for a parsed trajectory of this task. */
    public RewardInput rewardInput(ParsedTrajectory trajectory) {
        return new RewardInput(trajectory, gold, metric);
    }
}
