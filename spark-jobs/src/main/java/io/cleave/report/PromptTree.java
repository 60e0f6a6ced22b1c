package io.cleave.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A prompt group's trajectory tree, rebuilt from its stored trajectories: one {@link MacroActionNode} per
 * macro-action, with the advantage the loss gave its tokens and, at leaves, the reward.
 *
 * @param iteration  training iteration
 * @param promptId   prompt group id
 * @param promptText the decoded prompt, or empty when it could not be decoded
 * @param nodes      nodes by ascending id
 */
public record PromptTree(int iteration, String promptId, String promptText, List<MacroActionNode> nodes) {

    /** Copies the nodes. */
    public PromptTree {
        nodes = List.copyOf(nodes);
    }

    /**
     * Builds the tree from the group's trajectories (any order). A node's text comes from the first trajectory (by
     * sample index) that contains it; its advantage is the mean over all its policy tokens in all trajectories.
     *
     * @throws IllegalArgumentException when trajectories disagree about a node's parent
     */
    public static PromptTree of(int iteration, String promptId, String promptText, List<TreeRow> rows) {
        List<TreeRow> sorted = new ArrayList<>(rows);
        sorted.sort((a, b) -> Integer.compare(a.sampleIndex(), b.sampleIndex()));
        Map<Integer, Acc> byId = new TreeMap<>();
        for (TreeRow row : sorted) {
            int[] path = row.path();
            for (int k = 0; k < path.length; k++) {
                int id = path[k];
                Acc acc = byId.get(id);
                if (acc == null) {
                    acc = new Acc(row.nodeParents()[k]);
                    byId.put(id, acc);
                    StringBuilder text = new StringBuilder();
                    for (int t = 0; t < row.tokenNode().length; t++) {
                        if (row.tokenNode()[t] == id) {
                            text.append(row.tokenText()[t] == null ? "" : row.tokenText()[t]);
                            acc.tokens++;
                            acc.policyTokens += row.policyMask()[t] ? 1 : 0;
                        }
                    }
                    acc.text = text.toString();
                } else if (acc.parent != row.nodeParents()[k]) {
                    throw new IllegalArgumentException("prompt " + iteration + "/" + promptId + ": node " + id
                            + " has parent " + acc.parent + " in one trajectory and " + row.nodeParents()[k]
                            + " in trajectory " + row.sampleIndex());
                }
                acc.trajectories++;
                for (int t = 0; t < row.tokenNode().length; t++) {
                    if (row.tokenNode()[t] == id && row.policyMask()[t]) {
                        acc.advantageSum += row.advantages()[t];
                        acc.advantageCount++;
                    }
                }
            }
            Acc last = byId.get(path[path.length - 1]);
            last.rewardSum += row.reward();
            last.ending++;
        }
        List<MacroActionNode> nodes = new ArrayList<>();
        for (Map.Entry<Integer, Acc> e : byId.entrySet()) {
            Acc a = e.getValue();
            nodes.add(new MacroActionNode(e.getKey(), a.parent, a.text,
                    a.advantageCount == 0 ? Double.NaN : a.advantageSum / a.advantageCount, a.policyTokens, a.tokens,
                    a.ending == 0 ? Double.NaN : a.rewardSum / a.ending, a.trajectories));
        }
        return new PromptTree(iteration, promptId, promptText, nodes);
    }

    /** Largest absolute advantage over the nodes (0 when none has one). */
    public double maxAbsAdvantage() {
        return nodes.stream().mapToDouble(MacroActionNode::advantage).filter(Double::isFinite).map(Math::abs).max()
                .orElse(0);
    }

    /** Running sums of one node. */
    private static final class Acc {
        final int parent;
        String text = "";
        int tokens;
        int policyTokens;
        int trajectories;
        int ending;
        double advantageSum;
        int advantageCount;
        double rewardSum;

        Acc(int parent) {
            this.parent = parent;
        }
    }
}
