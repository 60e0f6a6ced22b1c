package io.cleave.algo.advantage;

import io.cleave.rollout.tree.Trajectory;

/** Spreads trajectory-level or node-level values over tokens, with 0 on tool-result tokens. */
final class TokenAdvantages {

    private TokenAdvantages() {}

    /** {@code value} on every policy token of the trajectory, 0 elsewhere {@code (L)}. */
    static double[] constant(Trajectory trajectory, double value) {
        boolean[] policy = trajectory.policyMask();
        double[] out = new double[trajectory.length()];
        for (int t = 0; t < out.length; t++) {
            out[t] = policy[t] ? value : 0;
        }
        return out;
    }

    /** The value of each token's node on policy tokens, 0 elsewhere {@code (L)}. */
    static double[] byNode(Trajectory trajectory, double[] nodeValue) {
        boolean[] policy = trajectory.policyMask();
        int[] node = trajectory.tokenNode();
        double[] out = new double[trajectory.length()];
        for (int t = 0; t < out.length; t++) {
            out[t] = policy[t] ? nodeValue[node[t]] : 0;
        }
        return out;
    }
}
