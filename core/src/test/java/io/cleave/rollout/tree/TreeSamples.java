package io.cleave.rollout.tree;

import java.util.Arrays;

/** Small rollout samples for tree tests: token text is the id, entropy is 0. */
final class TreeSamples {

    private TreeSamples() {}

    static RolloutSample sample(int[] tokens, boolean[] policy, int parent, int branchPos, double reward) {
        String[] text = Arrays.stream(tokens).mapToObj(Integer::toString).toArray(String[]::new);
        return new RolloutSample(tokens, policy, new float[tokens.length], text, parent, branchPos, reward);
    }

    static RolloutSample sample(int[] tokens, int parent, int branchPos, double reward) {
        return sample(tokens, allPolicy(tokens.length), parent, branchPos, reward);
    }

    static boolean[] allPolicy(int n) {
        boolean[] p = new boolean[n];
        Arrays.fill(p, true);
        return p;
    }
}
