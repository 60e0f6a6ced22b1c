package io.cleave.rollout.engine;

import io.cleave.env.protocol.ParsedTrajectory;
import io.cleave.env.protocol.ToolEnvironment;
import io.cleave.env.reward.RewardRegistry;
import io.cleave.env.reward.RewardResult;
import io.cleave.rollout.tree.RolloutSample;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Turns finished paths into {@link PromptRollout}s: parses each trajectory and scores its reward. */
final class RolloutResults {

    private RolloutResults() {}

    static List<PromptRollout> collect(List<PromptSpec> prompts, List<List<PathState>> paths, ToolEnvironment env) {
        List<PromptRollout> out = new ArrayList<>();
        for (int p = 0; p < prompts.size(); p++) {
            PromptSpec spec = prompts.get(p);
            List<RolloutSample> samples = new ArrayList<>();
            List<float[]> logProbs = new ArrayList<>();
            List<RewardResult> rewards = new ArrayList<>();
            List<Integer> calls = new ArrayList<>();
            List<String> texts = new ArrayList<>();
            for (PathState path : paths.get(p)) {
                String text = path.text.toString();
                ParsedTrajectory parsed = env.protocol().parser().parse(text);
                RewardResult reward = RewardRegistry.create(spec.task().rewardName())
                        .score(spec.task().rewardInput(parsed));
                int n = path.length;
                samples.add(new RolloutSample(Arrays.copyOf(path.tokens, n), Arrays.copyOf(path.policy, n),
                        Arrays.copyOf(path.entropies, n), path.tokenText.toArray(new String[0]), path.parent,
                        path.branchPos, reward.total()));
                logProbs.add(Arrays.copyOf(path.logProbs, n));
                rewards.add(reward);
                calls.add(path.toolCalls);
                texts.add(text);
            }
            out.add(new PromptRollout(spec, samples, logProbs, rewards, calls, texts));
        }
        return out;
    }
}
