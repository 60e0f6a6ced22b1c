package io.cleave.spark.rows;

import io.cleave.algo.advantage.AdvantagesRequest;
import io.cleave.rollout.tree.RolloutSample;
import io.cleave.rollout.tree.Trajectory;
import io.cleave.rollout.tree.TrajectoryTree;
import io.cleave.rollout.tree.TreeNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Converts a prompt group between core's {@link TrajectoryTree} and {@link TrajectoryRow}s (one per trajectory).
 *
 * <p>{@code toTree(fromTree(tree))} rebuilds the same nodes, paths, token nodes and samples. Rows whose
 * {@code tokenText} or {@code entropy} is null get empty texts and zero entropy.
 */
public final class TrajectoryRows {

    private TrajectoryRows() {}

    /**
     * The rows of one prompt group.
     *
     * @param iteration training iteration
     * @param promptId  group id
     * @param tree      the group's trajectory tree
     * @param oldLogp   per trajectory the sampling log-probs {@code [trajectory](L)}, or null (entries may be null)
     * @param refLogp   per trajectory the reference log-probs, same shape, or null
     * @return one row per trajectory, in the tree's order ({@code sampleIndex} = position)
     */
    public static List<TrajectoryRow> fromTree(int iteration, String promptId, TrajectoryTree tree, float[][] oldLogp,
                                               float[][] refLogp) {
        Objects.requireNonNull(promptId, "promptId");
        checkCount("oldLogp", oldLogp, tree.size());
        checkCount("refLogp", refLogp, tree.size());
        List<TrajectoryRow> rows = new ArrayList<>(tree.size());
        for (int i = 0; i < tree.size(); i++) {
            Trajectory t = tree.trajectories().get(i);
            RolloutSample s = t.sample();
            TrajectoryRow row = new TrajectoryRow();
            row.setIteration(iteration);
            row.setPromptId(promptId);
            row.setSampleIndex(i);
            row.setParentSample(s.parentSample());
            row.setBranchPos(s.branchPos());
            row.setTokens(s.tokens().clone());
            row.setPolicyMask(s.policyMask().clone());
            row.setTokenText(s.tokenText().clone());
            row.setEntropy(s.entropy().clone());
            row.setTokenNode(t.tokenNode().clone());
            row.setPath(t.path().clone());
            row.setNodeParents(Arrays.stream(t.path()).map(id -> tree.nodes().get(id).parent()).toArray());
            row.setReward(s.reward());
            row.setOldLogp(oldLogp == null ? null : oldLogp[i]);
            row.setRefLogp(refLogp == null ? null : refLogp[i]);
            rows.add(row);
        }
        return rows;
    }

    /** The rows of every group of a parsed advantages JSON batch, group ids from the request. */
    public static List<TrajectoryRow> fromRequest(int iteration, AdvantagesRequest request) {
        List<TrajectoryRow> rows = new ArrayList<>();
        for (int g = 0; g < request.groupIds().size(); g++) {
            float[][] old = request.input().oldLogp() == null ? null : request.input().oldLogp().get(g);
            float[][] ref = request.input().refLogp() == null ? null : request.input().refLogp().get(g);
            rows.addAll(fromTree(iteration, request.groupIds().get(g), request.input().groups().get(g), old, ref));
        }
        return rows;
    }

    /**
     * Rebuilds the tree of one prompt group from its rows (in any order).
     *
     * @throws IllegalArgumentException when the rows mix groups, miss a sample index, or disagree about a node
     *                                  (the message names the trajectory and the node)
     */
    public static TrajectoryTree toTree(List<TrajectoryRow> rows) {
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("a group needs at least one trajectory row");
        }
        List<TrajectoryRow> sorted = new ArrayList<>(rows);
        sorted.sort(Comparator.comparingInt(TrajectoryRow::getSampleIndex));
        TrajectoryRow first = sorted.get(0);
        for (int i = 0; i < sorted.size(); i++) {
            TrajectoryRow row = sorted.get(i);
            if (row.getIteration() != first.getIteration() || !first.getPromptId().equals(row.getPromptId())) {
                throw new IllegalArgumentException(row + " is not in group " + first.getIteration() + "/"
                        + first.getPromptId());
            }
            if (row.getSampleIndex() != i) {
                throw new IllegalArgumentException("group " + first.getIteration() + "/" + first.getPromptId()
                        + " has no trajectory with sampleIndex " + i);
            }
        }
        List<Trajectory> trajectories = new ArrayList<>(sorted.size());
        for (TrajectoryRow row : sorted) {
            trajectories.add(new Trajectory(sample(row), checkedPath(row), row.getTokenNode().clone()));
        }
        return new TrajectoryTree(nodes(sorted), trajectories);
    }

    private static RolloutSample sample(TrajectoryRow row) {
        int n = row.getTokens().length;
        String[] text = row.getTokenText();
        if (text == null) {
            text = new String[n];
            Arrays.fill(text, "");
        }
        float[] entropy = row.getEntropy() == null ? new float[n] : row.getEntropy().clone();
        try {
            return new RolloutSample(row.getTokens().clone(), row.getPolicyMask().clone(), entropy, text.clone(),
                    row.getParentSample(), row.getBranchPos(), row.getReward());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(row + ": " + e.getMessage(), e);
        }
    }

    /** The path, after checking that every node's parent is the node before it and token nodes follow the path. */
    private static int[] checkedPath(TrajectoryRow row) {
        int[] path = row.getPath();
        int[] parents = row.getNodeParents();
        if (path == null || path.length == 0 || parents == null || parents.length != path.length) {
            throw new IllegalArgumentException(row + ": path and nodeParents must be non-empty and of equal length");
        }
        for (int k = 0; k < path.length; k++) {
            int expected = k == 0 ? -1 : path[k - 1];
            if (parents[k] != expected) {
                throw new IllegalArgumentException(row + ": node " + path[k] + " has parent " + parents[k]
                        + ", but the node before it on the path is " + expected);
            }
        }
        int[] tokenNode = row.getTokenNode();
        if (tokenNode == null || tokenNode.length != row.getTokens().length) {
            throw new IllegalArgumentException(row + ": tokenNode must have one entry per token");
        }
        int k = 0;
        for (int t = 0; t < tokenNode.length; t++) {
            while (k < path.length && tokenNode[t] != path[k]) {
                k++;
            }
            if (k == path.length) {
                throw new IllegalArgumentException(row + ": token " + t + " is in node " + tokenNode[t]
                        + ", which is not next on the path " + Arrays.toString(path));
            }
        }
        return path.clone();
    }

    /** Every node: parent from the paths, span and generating sample from the first trajectory that contains it. */
    private static List<TreeNode> nodes(List<TrajectoryRow> sorted) {
        int count = sorted.stream().flatMapToInt(r -> Arrays.stream(r.getPath())).max().orElse(-1) + 1;
        TreeNode[] nodes = new TreeNode[count];
        for (TrajectoryRow row : sorted) {
            int[] path = row.getPath();
            for (int k = 0; k < path.length; k++) {
                int id = path[k];
                if (id < 0) {
                    throw new IllegalArgumentException(row + ": negative node id " + id);
                }
                TreeNode node = span(row, id, row.getNodeParents()[k]);
                if (nodes[id] == null) {
                    nodes[id] = node;
                } else if (nodes[id].parent() != node.parent() || nodes[id].start() != node.start()
                        || nodes[id].end() != node.end()) {
                    throw new IllegalArgumentException(row + ": node " + id + " spans [" + node.start() + ","
                            + node.end() + ") after node " + node.parent() + ", but trajectory "
                            + nodes[id].sample() + " has it at [" + nodes[id].start() + "," + nodes[id].end()
                            + ") after node " + nodes[id].parent());
                }
            }
        }
        for (int id = 0; id < count; id++) {
            if (nodes[id] == null) {
                throw new IllegalArgumentException("group " + sorted.get(0).getIteration() + "/"
                        + sorted.get(0).getPromptId() + ": node " + id + " is on no trajectory's path");
            }
        }
        return List.of(nodes);
    }

    /** Node {@code id} as this row sees it: the positions whose token node is {@code id} ([0, 0) if none). */
    private static TreeNode span(TrajectoryRow row, int id, int parent) {
        int[] tokenNode = row.getTokenNode();
        int start = -1;
        int end = 0;
        for (int t = 0; t < tokenNode.length; t++) {
            if (tokenNode[t] == id) {
                start = start < 0 ? t : start;
                end = t + 1;
            }
        }
        return new TreeNode(id, parent, row.getSampleIndex(), Math.max(start, 0), end);
    }

    private static void checkCount(String field, float[][] values, int trajectories) {
        if (values != null && values.length != trajectories) {
            throw new IllegalArgumentException(field + " has " + values.length + " trajectories, expected "
                    + trajectories);
        }
    }
}
