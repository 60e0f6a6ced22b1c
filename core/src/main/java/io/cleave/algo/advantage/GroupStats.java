package io.cleave.algo.advantage;

import io.cleave.rollout.tree.TrajectoryTree;

/** Statistics of one prompt group's rewards, shared by the group-relative estimators. */
final class GroupStats {

    /** Added to the standard deviation before dividing, as GRPO does. */
    static final double STD_EPS = 1e-6;

    private GroupStats() {}

    static double mean(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return values.length == 0 ? 0 : sum / values.length;
    }

    /** Unbiased standard deviation (divisor n - 1); 0 for fewer than two values. */
    static double unbiasedStd(double[] values) {
        if (values.length < 2) {
            return 0;
        }
        double mean = mean(values);
        double sq = 0;
        for (double v : values) {
            sq += (v - mean) * (v - mean);
        }
        return Math.sqrt(sq / (values.length - 1));
    }

    /** GRPO's normalised rewards {@code (r_i - mean) / (std + 1e-6)}; all 0 for a group of one. */
    static double[] grpo(double[] rewards) {
        double[] out = new double[rewards.length];
        if (rewards.length < 2) {
            return out;
        }
        double mean = mean(rewards);
        double scale = unbiasedStd(rewards) + STD_EPS;
        for (int i = 0; i < rewards.length; i++) {
            out[i] = (rewards[i] - mean) / scale;
        }
        return out;
    }

    /** Dr. GRPO's {@code r_i - mean}, without the standard deviation. */
    static double[] drGrpo(double[] rewards) {
        double mean = mean(rewards);
        double[] out = new double[rewards.length];
        for (int i = 0; i < rewards.length; i++) {
            out[i] = rewards[i] - mean;
        }
        return out;
    }

    /** RLOO's {@code r_i - mean of the other rewards}; all 0 for a group of one. */
    static double[] rloo(double[] rewards) {
        double[] out = new double[rewards.length];
        if (rewards.length < 2) {
            return out;
        }
        double sum = 0;
        for (double r : rewards) {
            sum += r;
        }
        for (int i = 0; i < rewards.length; i++) {
            out[i] = rewards[i] - (sum - rewards[i]) / (rewards.length - 1);
        }
        return out;
    }

    /**
     * Per node of the tree, the mean of {@code perLeaf} over the trajectories (leaves) below it:
     * {@code out[node] = mean_{i passes through node} perLeaf[i]}, summed in trajectory order.
     */
    static double[] meanBelow(TrajectoryTree tree, double[] perLeaf) {
        int[][] leaves = tree.leavesBelow();
        double[] mean = new double[leaves.length];
        for (int id = 0; id < leaves.length; id++) {
            double sum = 0;
            for (int i : leaves[id]) {
                sum += perLeaf[i];
            }
            mean[id] = sum / leaves[id].length;
        }
        return mean;
    }
}
