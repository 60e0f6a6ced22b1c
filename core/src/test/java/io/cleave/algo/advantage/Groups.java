package io.cleave.algo.advantage;

import io.cleave.rollout.tree.RolloutSample;
import io.cleave.rollout.tree.TrajectoryTree;
import io.cleave.rollout.tree.TrajectoryTreeBuilder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Small prompt groups for estimator tests. */
final class Groups {

    private Groups() {}

    static RolloutSample sample(int[] tokens, boolean[] policy, int parent, int branchPos, double reward) {
        String[] text = Arrays.stream(tokens).mapToObj(Integer::toString).toArray(String[]::new);
        return new RolloutSample(tokens, policy, new float[tokens.length], text, parent, branchPos, reward);
    }

    static RolloutSample sample(int[] tokens, int parent, int branchPos, double reward) {
        boolean[] policy = new boolean[tokens.length];
        Arrays.fill(policy, true);
        return sample(tokens, policy, parent, branchPos, reward);
    }

    /** Independent one-node trajectories of the given lengths and rewards (all policy tokens). */
    static TrajectoryTree flat(int[] lengths, double... rewards) {
        List<RolloutSample> samples = new ArrayList<>();
        for (int i = 0; i < rewards.length; i++) {
            boolean[] policy = new boolean[lengths[i]];
            Arrays.fill(policy, true);
            String[] text = new String[lengths[i]];
            Arrays.fill(text, "x");
            samples.add(RolloutSample.independent(new int[lengths[i]], policy, new float[lengths[i]], text,
                    rewards[i]));
        }
        return TrajectoryTreeBuilder.build(samples, samples.stream().map(s -> new int[0]).toList(), true);
    }

    /**
     * The branched tree of the tree-builder test: nodes 0 [0,2), 1 [2,3), 2 [3,4), 3 [4,6) on s0 (reward 1); s1
     * (reward 0) = 0, 1, 4 [3,4), 5 [4,5); s2 (reward 1) = 0, 1, 4, 6 [4,6); s3 (reward 0) = 7, 8, 9, independent.
     */
    static List<RolloutSample> branchedSamples() {
        return List.of(
                sample(new int[] {1, 2, 3, 4, 5, 6}, -1, 0, 1),
                sample(new int[] {1, 2, 3, 7, 8}, 0, 3, 0),
                sample(new int[] {1, 2, 3, 7, 9, 9}, 1, 4, 1),
                sample(new int[] {1, 2, 3, 4, 5, 6}, -1, 0, 0));
    }

    static TrajectoryTree branched() {
        return TrajectoryTreeBuilder.build(branchedSamples(),
                List.of(new int[] {2, 4}, new int[] {4}, new int[0], new int[] {2, 4}), true);
    }
}
