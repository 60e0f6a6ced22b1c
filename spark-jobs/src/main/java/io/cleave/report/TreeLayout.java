package io.cleave.report;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Places a trajectory tree on a grid, left to right: the prompt is a root at column 0 ({@link #ROOT}), a node sits
 * one column right of its parent, leaves take rows 0, 1, 2, ... in depth-first order (children by ascending id), and
 * an inner node is centred between its first and last child: {@code row = (row(first) + row(last)) / 2}.
 *
 * @param slots   position of every node id, and of {@link #ROOT}
 * @param columns number of columns (deepest node's column + 1)
 * @param rows    number of leaf rows
 */
public record TreeLayout(Map<Integer, Slot> slots, int columns, int rows) {

    /** Id of the prompt root, parent of every first macro-action. */
    public static final int ROOT = -1;

    /** Copies the slots. */
    public TreeLayout {
        slots = Map.copyOf(slots);
    }

    /**
     * Lays out {@code nodes} given as {@code id -> parent} ({@link #ROOT} for first macro-actions).
     *
     * @throws IllegalArgumentException when a parent is not a node, or the parents form a cycle
     */
    public static TreeLayout of(Map<Integer, Integer> parents) {
        Map<Integer, List<Integer>> children = new TreeMap<>();
        children.put(ROOT, new ArrayList<>());
        for (Integer id : new TreeMap<>(parents).keySet()) {
            children.putIfAbsent(id, new ArrayList<>());
        }
        for (Map.Entry<Integer, Integer> e : new TreeMap<>(parents).entrySet()) {
            int parent = e.getValue();
            if (!children.containsKey(parent) || parent == e.getKey()) {
                throw new IllegalArgumentException("node " + e.getKey() + " has parent " + parent
                        + ", which is not a node of the tree");
            }
            children.get(parent).add(e.getKey());
        }
        Map<Integer, Slot> slots = new HashMap<>();
        int[] next = {0};
        int[] deepest = {0};
        place(ROOT, 0, children, slots, next, deepest);
        if (slots.size() != parents.size() + 1) {
            throw new IllegalArgumentException("the parents of nodes " + unreached(parents, slots)
                    + " form a cycle");
        }
        return new TreeLayout(slots, deepest[0] + 1, Math.max(1, next[0]));
    }

    private static double place(int id, int depth, Map<Integer, List<Integer>> children, Map<Integer, Slot> slots,
            int[] next, int[] deepest) {
        deepest[0] = Math.max(deepest[0], depth);
        List<Integer> kids = children.get(id);
        double row;
        if (kids.isEmpty()) {
            row = next[0]++;
        } else {
            double first = place(kids.get(0), depth + 1, children, slots, next, deepest);
            double last = first;
            for (int i = 1; i < kids.size(); i++) {
                last = place(kids.get(i), depth + 1, children, slots, next, deepest);
            }
            row = (first + last) / 2;
        }
        slots.put(id, new Slot(depth, row));
        return row;
    }

    private static List<Integer> unreached(Map<Integer, Integer> parents, Map<Integer, Slot> slots) {
        return new TreeMap<>(parents).keySet().stream().filter(id -> !slots.containsKey(id)).toList();
    }

    /**
     * A node's grid position.
     *
     * @param column depth: 0 for the root, 1 for first macro-actions
     * @param row    vertical position in leaf rows (fractional for inner nodes)
     */
    public record Slot(int column, double row) {}
}
