package io.cleave.algo.advantage;

import io.cleave.rollout.tree.Trajectory;

/** Spreads trajectory-level or node-level advantages over tokens, with 0 on tool-result tokens. */
final class TokenAdvantages {

    private TokenAdvantages() {}

    /** {@code value} on every policy token of the trajectory, 0 elsewhere. */
    static float[] constant(Trajectory trajectory, double value) {
        boolean[] policy = trajectory.policyMask();
        float[] out = new float[trajectory.length()];
        for (int t = 0; t < out.length; t++) {
            out[t] = policy[t] ? (float) value : 0f;
        }
        return out;
    }

    /** The advantage of each token's node on policy tokens, 0 elsewhere. */
    static float[] byNode(Trajectory trajectory, double[] nodeAdvantage) {
        boolean[] policy = trajectory.policyMask();
        int[] node = trajectory.tokenNode();
        float[] out = new float[trajectory.length()];
        for (int t = 0; t < out.length; t++) {
            out[t] = policy[t] ? (float) nodeAdvantage[node[t]] : 0f;
        }
        return out;
    }
}
