package io.cleave.algo.advantage;

import io.cleave.rollout.tree.Trajectory;
import io.cleave.rollout.tree.TrajectoryTree;

/** Spreads trajectory-level or node-level values over a group's tokens, with 0 on tool-result tokens. */
final class TokenAdvantages {

    private TokenAdvantages() {}

    /** {@code perTrajectory[i]} on every policy token of trajectory i, 0 elsewhere: {@code [trajectory](L)}. */
    static double[][] byTrajectory(TrajectoryTree tree, double[] perTrajectory) {
        double[][] out = new double[tree.size()][];
        for (int i = 0; i < out.length; i++) {
            Trajectory trajectory = tree.trajectories().get(i);
            boolean[] policy = trajectory.policyMask();
            out[i] = new double[policy.length];
            for (int t = 0; t < policy.length; t++) {
                out[i][t] = policy[t] ? perTrajectory[i] : 0;
            }
        }
        return out;
    }

    /** The value of each token's node ({@code perNode[id]}) on policy tokens, 0 elsewhere: {@code [trajectory](L)}. */
    static double[][] byNode(TrajectoryTree tree, double[] perNode) {
        double[][] out = new double[tree.size()][];
        for (int i = 0; i < out.length; i++) {
            Trajectory trajectory = tree.trajectories().get(i);
            boolean[] policy = trajectory.policyMask();
            int[] node = trajectory.tokenNode();
            out[i] = new double[policy.length];
            for (int t = 0; t < policy.length; t++) {
                out[i][t] = policy[t] ? perNode[node[t]] : 0;
            }
        }
        return out;
    }
}
