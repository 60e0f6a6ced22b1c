package io.cleave.rollout.engine;

import io.cleave.env.reward.RewardResult;
import io.cleave.rollout.tree.RolloutSample;
import java.util.List;

/**
 * Everything sampled for one prompt: its trajectories (independent samples and branches, parents before their
 * branches), with the log-prob each policy token was sampled with and each trajectory's reward in parts.
 *
 * @param spec the prompt
 * @param samples generated tokens after the prompt, policy mask, entropies, branch ancestry, reward
 * @param oldLogProbs per sample, the sampling log-prob of each token (0 on tool-result tokens)
 * @param rewards per sample, the reward's parts
 * @param toolCalls per sample, the number of tool calls made
 * @param texts per sample, the decoded trajectory text (after the prompt)
 */
public record PromptRollout(PromptSpec spec, List<RolloutSample> samples, List<float[]> oldLogProbs,
        List<RewardResult> rewards, List<Integer> toolCalls, List<String> texts) {

    /** Number of tokens the policy sampled for this prompt (shared prefixes counted once). */
    public long sampledPolicyTokens() {
        long total = 0;
        for (RolloutSample s : samples) {
            for (int i = s.branchPos(); i < s.tokens().length; i++) {
                total += s.policyMask()[i] ? 1 : 0;
            }
        }
        return total;
    }
}
