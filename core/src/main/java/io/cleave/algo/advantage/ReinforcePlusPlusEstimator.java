package io.cleave.algo.advantage;

import io.cleave.rollout.tree.Trajectory;
import io.cleave.rollout.tree.TrajectoryTree;

/**
 * {@code reinforce++}: per-token rewards, return-to-go, whitening over the whole batch (no per-prompt baseline).
 *
 * <p>For a trajectory with reward R, policy tokens {@code t} get the token reward
 * <pre>
 *   r_t = -klCoef * (oldLogp_t - refLogp_t)  (+ R on the last policy token)
 * </pre>
 * (the KL term is dropped when {@code klCoef == 0}; log-probs are then not needed). The group values are the
 * returns with gamma 1, {@code G_t = sum of r_s over policy tokens s >= t}, summed from the end. All policy tokens
 * of the batch are then whitened together ({@link TokenWhitening}):
 * {@code A_t = (G_t - mean) / sqrt(max(var, 1e-8))}, var the unbiased variance over those tokens (0 for fewer than
 * two). Tool-result tokens get 0 and do not enter the statistics.
 */
final class ReinforcePlusPlusEstimator implements AdvantageEstimator {

    @Override
    public String name() {
        return "reinforce++";
    }

    @Override
    public boolean whitensBatch() {
        return true;
    }

    @Override
    public double[][] groupValues(AdvantageGroup group) {
        TrajectoryTree tree = group.tree();
        double[][] returns = new double[tree.size()][];
        for (int i = 0; i < returns.length; i++) {
            returns[i] = returnToGo(tree.trajectories().get(i), group, i);
        }
        return returns;
    }

    /** {@code G_t} on policy tokens (0 on tool-result tokens) of trajectory {@code i} of the group. */
    private static double[] returnToGo(Trajectory trajectory, AdvantageGroup group, int i) {
        boolean[] policy = trajectory.policyMask();
        double[] returns = new double[policy.length];
        double running = 0;
        boolean last = true;
        for (int t = policy.length - 1; t >= 0; t--) {
            if (!policy[t]) {
                continue;
            }
            double reward = 0;
            if (group.klCoef() > 0) {
                reward -= group.klCoef() * (group.oldLogp()[i][t] - group.refLogp()[i][t]);
            }
            if (last) {
                reward += trajectory.reward();
                last = false;
            }
            running += reward;
            returns[t] = running;
        }
        return returns;
    }
}
