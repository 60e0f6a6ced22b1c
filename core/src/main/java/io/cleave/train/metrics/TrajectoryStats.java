package io.cleave.train.metrics;

import io.cleave.env.protocol.Protocol;
import io.cleave.env.protocol.ToolOutcomes;
import io.cleave.env.reward.RewardResult;
import io.cleave.rollout.engine.PromptRollout;
import io.cleave.rollout.tree.RolloutSample;
import java.io.Serializable;

/**
 * What the iteration's metrics and dynamic sampling need of one trajectory, without its tokens.
 *
 * @param reward total reward (before any reward shaping)
 * @param correct whether the answer was right
 * @param formatValid whether the trajectory follows the protocol
 * @param toolCalls tool calls made
 * @param toolErrors failed calls other than time-outs ({@link ToolOutcomes})
 * @param toolTimeouts calls stopped at the tool time-out
 * @param sampledTokens policy tokens this trajectory sampled itself (after its branch point), so that a prompt's
 *     trajectories sum to its sampled tokens with shared prefixes counted once
 */
public record TrajectoryStats(double reward, boolean correct, boolean formatValid, int toolCalls, int toolErrors,
        int toolTimeouts, long sampledTokens) implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The statistics of trajectory {@code sample} of {@code rollout}, its tool results read with {@code protocol}. */
    public static TrajectoryStats of(PromptRollout rollout, int sample, Protocol protocol) {
        RolloutSample s = rollout.samples().get(sample);
        long sampled = 0;
        for (int i = s.branchPos(); i < s.tokens().length; i++) {
            sampled += s.policyMask()[i] ? 1 : 0;
        }
        RewardResult reward = rollout.rewards().get(sample);
        ToolOutcomes outcomes = ToolOutcomes.of(protocol.parser().parse(rollout.texts().get(sample)));
        return new TrajectoryStats(s.reward(), reward.correct(), reward.formatValid(), rollout.toolCalls().get(sample),
                outcomes.errors(), outcomes.timeouts(), sampled);
    }
}
