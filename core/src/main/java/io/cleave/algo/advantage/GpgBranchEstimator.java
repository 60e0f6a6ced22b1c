package io.cleave.algo.advantage;

import io.cleave.rollout.tree.TrajectoryTree;
import io.cleave.rollout.tree.TreeNode;

/**
 * {@code gpg-branch}: a node's advantage is how much better its leaves did than its parent's leaves,
 * <pre>
 *   A(node) = (mean_{leaves below node} r - mean_{leaves below parent} r) / (std + 1e-6)
 * </pre>
 * where the parent of a root-level node is the whole group and std is the group's unbiased reward standard deviation
 * (all 0 for a group of one). Credit thus lands on the macro-action right after each branch point; a node that its
 * parent's leaves all pass through gets 0. Every policy token of the node gets {@code A(node)}.
 */
final class GpgBranchEstimator implements AdvantageEstimator {

    @Override
    public String name() {
        return "gpg-branch";
    }

    @Override
    public double[][] groupValues(AdvantageGroup group) {
        TrajectoryTree tree = group.tree();
        double[] rewards = tree.rewards();
        double[] node = new double[tree.nodes().size()];
        if (rewards.length >= 2) {
            double scale = GroupStats.unbiasedStd(rewards) + GroupStats.STD_EPS;
            double groupMean = GroupStats.mean(rewards);
            double[] below = GroupStats.meanBelow(tree, rewards);
            for (TreeNode n : tree.nodes()) {
                double parentMean = n.parent() < 0 ? groupMean : below[n.parent()];
                node[n.id()] = (below[n.id()] - parentMean) / scale;
            }
        }
        return TokenAdvantages.byNode(tree, node);
    }
}
