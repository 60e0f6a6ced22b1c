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
 * (the KL term is dropped when {@code klCoef == 0}; log-probs are then not needed). The return with gamma 1 is
 * {@code G_t = sum of r_s over policy tokens s >= t}. All policy tokens of the batch are then whitened together:
 * {@code A_t = (G_t - mean) / sqrt(max(var, 1e-8))}, var the unbiased variance over those tokens (0 for fewer than
 * two). Tool-result tokens get 0 and do not enter the statistics.
 */
final class ReinforcePlusPlusEstimator implements AdvantageEstimator {

    private static final double VAR_FLOOR = 1e-8;

    @Override
    public String name() {
        return "reinforce++";
    }

    @Override
    public float[][][] estimate(AdvantageInput input) {
        int groups = input.groups().size();
        double[][][] returns = new double[groups][][];
        double sum = 0;
        long count = 0;
        for (int g = 0; g < groups; g++) {
            TrajectoryTree tree = input.groups().get(g);
            returns[g] = new double[tree.size()][];
            for (int i = 0; i < tree.size(); i++) {
                returns[g][i] = returnToGo(tree.trajectories().get(i), input, g, i);
                boolean[] policy = tree.trajectories().get(i).policyMask();
                for (int t = 0; t < policy.length; t++) {
                    if (policy[t]) {
                        sum += returns[g][i][t];
                        count++;
                    }
                }
            }
        }
        double mean = count == 0 ? 0 : sum / count;
        double sq = 0;
        for (int g = 0; g < groups; g++) {
            for (int i = 0; i < returns[g].length; i++) {
                boolean[] policy = input.groups().get(g).trajectories().get(i).policyMask();
                for (int t = 0; t < policy.length; t++) {
                    if (policy[t]) {
                        sq += (returns[g][i][t] - mean) * (returns[g][i][t] - mean);
                    }
                }
            }
        }
        double var = count < 2 ? 0 : sq / (count - 1);
        double scale = Math.sqrt(Math.max(var, VAR_FLOOR));
        float[][][] out = new float[groups][][];
        for (int g = 0; g < groups; g++) {
            out[g] = new float[returns[g].length][];
            for (int i = 0; i < returns[g].length; i++) {
                boolean[] policy = input.groups().get(g).trajectories().get(i).policyMask();
                out[g][i] = new float[policy.length];
                for (int t = 0; t < policy.length; t++) {
                    out[g][i][t] = policy[t] ? (float) ((returns[g][i][t] - mean) / scale) : 0f;
                }
            }
        }
        return out;
    }

    /** {@code G_t} on policy tokens (0 on tool-result tokens) of trajectory {@code i} of group {@code g}. */
    private static double[] returnToGo(Trajectory trajectory, AdvantageInput input, int g, int i) {
        boolean[] policy = trajectory.policyMask();
        double[] returns = new double[policy.length];
        double running = 0;
        boolean last = true;
        for (int t = policy.length - 1; t >= 0; t--) {
            if (!policy[t]) {
                continue;
            }
            double reward = 0;
            if (input.klCoef() > 0) {
                reward -= input.klCoef() * (input.oldLogp().get(g)[i][t] - input.refLogp().get(g)[i][t]);
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
