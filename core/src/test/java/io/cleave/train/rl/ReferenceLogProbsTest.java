package io.cleave.train.rl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import io.cleave.model.Policy;
import io.cleave.rollout.engine.PromptRollout;
import io.cleave.rollout.tree.RolloutSample;
import io.cleave.train.config.TrainConfig;
import io.cleave.train.metrics.IterationMetrics;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * REINFORCE++'s KL penalty in the reward: the single-process back-end scores its trajectories with the frozen
 * reference, batched per prompt; each value equals scoring the trajectory alone, tool-result tokens get 0, and before
 * the first update the reference's log-probs equal the sampling log-probs of the (identical) policy.
 */
class ReferenceLogProbsTest {

    @TempDir
    Path tmp;

    @Test
    void reinforcePlusPlusTrainsWithReferenceLogProbsThatMatchScoringEachTrajectoryAlone() {
        TrainConfig config = TrainConfig.fromSets(List.of("run.dir=" + tmp.resolve("run"), "model.init-preset=tiny",
                "task.suite=arith", "algorithm.recipe=reinforce++", "task.prompts-per-iteration=2",
                "rollout.max-new-tokens=24", "algorithm.branch.initial-samples=3", "algorithm.branch.budget=3"));
        try (TrainingSetup setup = TrainingSetup.create(config);
                LocalRollouts local = new LocalRollouts(setup, 1)) {
            Policy reference = setup.rewardReference().orElseThrow();
            IterationMetrics metrics = new TrainingLoop(setup, local, setup.update(), Optional.empty(),
                    TrainingListener.NONE).iterate(1);
            assertTrue(Double.isFinite(metrics.update().loss()), "loss " + metrics.update().loss());
            List<PromptRollout> rollouts = local.lastRollouts();
            List<float[][]> batched = ReferenceLogProbs.of(reference, rollouts, 1.0);
            int checked = 0;
            for (int p = 0; p < rollouts.size(); p++) {
                int[] prompt = rollouts.get(p).spec().promptTokens();
                for (int s = 0; s < rollouts.get(p).samples().size(); s++) {
                    RolloutSample sample = rollouts.get(p).samples().get(s);
                    float[] alone = scoreAlone(reference, prompt, sample.tokens());
                    float[] old = rollouts.get(p).oldLogProbs().get(s);
                    for (int i = 0; i < sample.tokens().length; i++) {
                        float expected = sample.policyMask()[i] ? alone[prompt.length + i - 1] : 0f;
                        assertEquals(expected, batched.get(p)[s][i], 1e-5, "prompt " + p + " sample " + s + " @" + i);
                        assertEquals(old[i], batched.get(p)[s][i], 1e-4, "frozen reference = sampling policy");
                        checked++;
                    }
                }
            }
            assertTrue(checked > 20, "tokens checked: " + checked);
        }
    }

    @Test
    void aRecipeWithoutARewardPenaltyHasNoRewardReference() {
        TrainConfig config = TrainConfig.fromSets(List.of("run.dir=" + tmp.resolve("run"), "model.init-preset=tiny",
                "task.suite=arith", "algorithm.recipe=grpo"));
        try (TrainingSetup setup = TrainingSetup.create(config)) {
            assertTrue(setup.rewardReference().isEmpty());
        }
    }

    private static float[] scoreAlone(Policy policy, int[] prompt, int[] generated) {
        int[] sequence = new int[prompt.length + generated.length];
        System.arraycopy(prompt, 0, sequence, 0, prompt.length);
        System.arraycopy(generated, 0, sequence, prompt.length, generated.length);
        try (NDManager m = policy.manager().newSubManager()) {
            return policy.score(m, new int[][] {sequence}, 1.0).logProbs().toFloatArray();
        }
    }
}
