package io.cleave.train.metrics;

import io.cleave.env.reward.RewardResult;
import io.cleave.rollout.engine.PromptRollout;
import java.util.List;

/** Reward, accuracy, format and tool-call means over every trajectory of a batch. */
public record RolloutStats(int trajectories, double meanReward, double accuracy, double formatValid,
        double meanToolCalls, long sampledTokens) {

    public static RolloutStats of(List<PromptRollout> rollouts) {
        int n = 0;
        double reward = 0;
        int right = 0;
        int valid = 0;
        long calls = 0;
        long tokens = 0;
        for (PromptRollout r : rollouts) {
            for (int s = 0; s < r.rewards().size(); s++) {
                RewardResult result = r.rewards().get(s);
                n++;
                reward += result.total();
                right += result.correct() ? 1 : 0;
                valid += result.formatValid() ? 1 : 0;
                calls += r.toolCalls().get(s);
            }
            tokens += r.sampledPolicyTokens();
        }
        int d = Math.max(1, n);
        return new RolloutStats(n, reward / d, (double) right / d, (double) valid / d, (double) calls / d, tokens);
    }
}
