package io.cleave.rollout.tree;

/**
 * A finished trajectory (a leaf of the tree) with the macro-actions on its path.
 *
 * @param sample    the rollout sample it was built from (tokens, masks, reward)
 * @param path      node ids from the first macro-action to the last, {@code (K)}
 * @param tokenNode the node id of every generated token, {@code (L)}
 */
public record Trajectory(RolloutSample sample, int[] path, int[] tokenNode) {

    /** The trajectory's reward. */
    public double reward() {
        return sample.reward();
    }

    /** Number of generated tokens L. */
    public int length() {
        return sample.length();
    }

    /** {@code true} where the policy produced the token. */
    public boolean[] policyMask() {
        return sample.policyMask();
    }
}
