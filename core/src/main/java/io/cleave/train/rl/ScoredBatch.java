package io.cleave.train.rl;

import io.cleave.algo.advantage.AdvantageInput;
import io.cleave.algo.recipe.AlgorithmConfig;
import io.cleave.rollout.engine.PromptRollout;
import io.cleave.rollout.tree.RolloutSample;
import io.cleave.rollout.tree.TrajectoryTree;
import io.cleave.rollout.tree.TrajectoryTreeBuilder;
import io.cleave.train.update.TrainingSequence;
import java.util.ArrayList;
import java.util.List;

/**
 * One iteration's rollouts with their trees and per-token advantages: phases 2 and 4 of the pipeline
 * (segmentation into macro-actions, calibrated advantage estimation), after reward shaping.
 *
 * @param rollouts the prompts' trajectories
 * @param trees one trajectory tree per prompt (macro-action nodes shared through branching)
 * @param advantages {@code [prompt][trajectory][token]} advantages, 0 on tool-result tokens
 */
public record ScoredBatch(List<PromptRollout> rollouts, List<TrajectoryTree> trees, float[][][] advantages) {

    /**
     * Segments every prompt's trajectories with the configured segmenter and runs the configured estimator.
     *
     * @param refLogProbs per prompt and trajectory, the reference policy's log-prob of every token (needed only
     *     when the KL penalty goes into the reward), else null
     */
    public static ScoredBatch of(List<PromptRollout> rollouts, AlgorithmConfig algorithm, List<float[][]> refLogProbs) {
        List<TrajectoryTree> trees = new ArrayList<>();
        List<float[][]> old = new ArrayList<>();
        for (PromptRollout rollout : rollouts) {
            trees.add(TrajectoryTreeBuilder.build(shaped(rollout.samples(), algorithm), algorithm.newSegmenter()));
            old.add(rollout.oldLogProbs().toArray(new float[0][]));
        }
        double rewardKl = algorithm.rewardKlCoef();
        AdvantageInput input = rewardKl > 0
                ? new AdvantageInput(trees, old, refLogProbs, rewardKl) : AdvantageInput.of(trees);
        return new ScoredBatch(rollouts, trees, algorithm.newEstimator().estimate(input));
    }

    /**
     * Every trajectory as a training sequence, prompt by prompt and in sample order, with macro-action ids unique
     * across the batch.
     */
    public List<TrainingSequence> sequences() {
        List<TrainingSequence> out = new ArrayList<>();
        int nodeBase = 0;
        for (int p = 0; p < rollouts.size(); p++) {
            PromptRollout rollout = rollouts.get(p);
            TrajectoryTree tree = trees.get(p);
            for (int s = 0; s < rollout.samples().size(); s++) {
                RolloutSample sample = rollout.samples().get(s);
                out.add(TrainingSequence.of(rollout.spec().promptTokens(), sample.tokens(), sample.policyMask(),
                        rollout.oldLogProbs().get(s), advantages[p][s], tree.trajectories().get(s).tokenNode(),
                        nodeBase));
            }
            nodeBase += tree.nodes().size();
        }
        return out;
    }

    /** Applies reward shaping (the overlong penalty) to a rollout's samples. */
    private static List<RolloutSample> shaped(List<RolloutSample> samples, AlgorithmConfig algorithm) {
        if (algorithm.overlongShaping().isEmpty()) {
            return samples;
        }
        var shaping = algorithm.overlongShaping().get();
        List<RolloutSample> out = new ArrayList<>();
        for (RolloutSample s : samples) {
            out.add(new RolloutSample(s.tokens(), s.policyMask(), s.entropy(), s.tokenText(), s.parentSample(),
                    s.branchPos(), shaping.shape(s.reward(), s.tokens().length)));
        }
        return out;
    }
}
