package io.cleave.report;

/**
 * The columns of one stored trajectory that the tree view needs (a subset of the trajectories Parquet, see
 * {@link io.cleave.spark.rows.TrajectoryRow}); {@code L} is the number of generated tokens, {@code K} the number of
 * macro-actions on the trajectory's path.
 *
 * @param sampleIndex index of the trajectory in its prompt group
 * @param tokenNode   macro-action node id of each token, {@code (L)}
 * @param path        node ids from the first macro-action to the last, {@code (K)}
 * @param nodeParents parent of each node on the path, -1 for the first, {@code (K)}
 * @param tokenText   decoded text of each token, {@code (L)}
 * @param policyMask  true where the policy produced the token (false on tool results), {@code (L)}
 * @param reward      the trajectory's reward
 * @param advantages  per-token advantage used by the loss, {@code (L)}
 */
public record TreeRow(int sampleIndex, int[] tokenNode, int[] path, int[] nodeParents, String[] tokenText,
        boolean[] policyMask, double reward, float[] advantages) {

    /** Checks that the per-token and per-node arrays agree in length. */
    public TreeRow {
        int n = tokenNode.length;
        if (tokenText.length != n || policyMask.length != n || advantages.length != n) {
            throw new IllegalArgumentException("trajectory " + sampleIndex + ": tokenNode has " + n
                    + " entries but tokenText " + tokenText.length + ", policyMask " + policyMask.length
                    + ", advantages " + advantages.length);
        }
        if (path.length != nodeParents.length || path.length == 0) {
            throw new IllegalArgumentException("trajectory " + sampleIndex + ": path (" + path.length
                    + ") and nodeParents (" + nodeParents.length + ") must be non-empty and of equal length");
        }
    }
}
