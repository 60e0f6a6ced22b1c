package io.cleave.algo.advantage;

import io.cleave.rollout.tree.TrajectoryTree;

/**
 * {@code gpg-prefix}: GPG's calibrated advantage, ARPO's "hard" attribution.
 *
 * <p>Leaf rewards are group-normalised as in GRPO, {@code Ahat_i = (r_i - mean) / (std + 1e-6)} (unbiased std, 0
 * for a group of one); each node then gets the mean normalised advantage of the leaves below it,
 * {@code A(node) = mean_{i passes through node} Ahat_i}, and every policy token of the node gets {@code A(node)}.
 * A shared prefix node thus averages over all its continuations; a node after a branch point keeps its own. Without
 * shared nodes this is exactly GRPO.
 */
final class GpgPrefixEstimator implements AdvantageEstimator {

    @Override
    public String name() {
        return "gpg-prefix";
    }

    @Override
    public double[][] groupValues(AdvantageGroup group) {
        TrajectoryTree tree = group.tree();
        return TokenAdvantages.byNode(tree, GroupStats.meanBelow(tree, GroupStats.grpo(tree.rewards())));
    }
}
