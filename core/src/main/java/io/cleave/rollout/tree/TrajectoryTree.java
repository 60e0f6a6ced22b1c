package io.cleave.rollout.tree;

import java.util.List;

/**
 * The trajectory tree of one prompt: its macro-action nodes and its trajectories, in sample input order.
 *
 * @param nodes        all nodes; {@code nodes.get(id).id() == id}
 * @param trajectories one per input sample, same order
 */
public record TrajectoryTree(List<TreeNode> nodes, List<Trajectory> trajectories) {

    /** Copies both lists and checks that node ids equal their positions. */
    public TrajectoryTree {
        nodes = List.copyOf(nodes);
        trajectories = List.copyOf(trajectories);
        for (int i = 0; i < nodes.size(); i++) {
            if (nodes.get(i).id() != i) {
                throw new IllegalArgumentException("node at position " + i + " has id " + nodes.get(i).id());
            }
        }
    }

    /** Number of trajectories (leaves) in the group. */
    public int size() {
        return trajectories.size();
    }

    /** Rewards of the trajectories, in order. */
    public double[] rewards() {
        return trajectories.stream().mapToDouble(Trajectory::reward).toArray();
    }

    /**
     * The leaves below each node: for node {@code id}, the indices of the trajectories whose path contains it.
     *
     * @return {@code (nodes)} arrays of trajectory indices, ascending
     */
    public int[][] leavesBelow() {
        int[] counts = new int[nodes.size()];
        for (Trajectory t : trajectories) {
            for (int id : t.path()) {
                counts[id]++;
            }
        }
        int[][] leaves = new int[nodes.size()][];
        for (int id = 0; id < leaves.length; id++) {
            leaves[id] = new int[counts[id]];
        }
        int[] filled = new int[nodes.size()];
        for (int t = 0; t < trajectories.size(); t++) {
            for (int id : trajectories.get(t).path()) {
                leaves[id][filled[id]++] = t;
            }
        }
        return leaves;
    }
}
