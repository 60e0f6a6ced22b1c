package io.cleave.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class PromptTreeTest {

    /**
     * Two trajectories sharing node 0 ("ab"). Trajectory 0 continues with node 1 ("cde", the "d" a tool-result
     * token) and ends there with reward 1; trajectory 1 continues with node 2 ("fg") and node 3 ("h", a tool
     * result only) and ends with reward 0.
     */
    static List<TreeRow> rows() {
        TreeRow first = new TreeRow(0, new int[] {0, 0, 1, 1, 1}, new int[] {0, 1}, new int[] {-1, 0},
                new String[] {"a", "b", "c", "d", "e"}, new boolean[] {true, true, true, false, true}, 1.0,
                new float[] {0.5f, 0.5f, 1f, 0f, 1f});
        TreeRow second = new TreeRow(1, new int[] {0, 0, 2, 2, 3}, new int[] {0, 2, 3}, new int[] {-1, 0, 2},
                new String[] {"a", "b", "f", "g", "h"}, new boolean[] {true, true, true, true, false}, 0.0,
                new float[] {0.125f, 0.125f, -1f, -1f, 0f});
        return List.of(second, first);
    }

    @Test
    void nodesCarryTextMeanPolicyAdvantageAndLeafRewards() {
        PromptTree tree = PromptTree.of(2, "p7", "1+2=?", rows());
        assertEquals(4, tree.nodes().size());
        assertEquals(new MacroActionNode(0, -1, "ab", (0.5 + 0.5 + 0.125 + 0.125) / 4, 2, 2, Double.NaN, 2),
                tree.nodes().get(0));
        assertEquals(new MacroActionNode(1, 0, "cde", 1.0, 2, 3, 1.0, 1), tree.nodes().get(1));
        assertEquals(new MacroActionNode(2, 0, "fg", -1.0, 2, 2, Double.NaN, 1), tree.nodes().get(2));
        assertEquals(new MacroActionNode(3, 2, "h", Double.NaN, 0, 1, 0.0, 1), tree.nodes().get(3));
        assertEquals(1.0, tree.maxAbsAdvantage());
        assertEquals(2, tree.iteration());
        assertEquals("p7", tree.promptId());
    }

    @Test
    void trajectoriesDisagreeingAboutAParentAreRejected() {
        TreeRow a = new TreeRow(0, new int[] {0, 1}, new int[] {0, 1}, new int[] {-1, 0}, new String[] {"x", "y"},
                new boolean[] {true, true}, 0, new float[] {0, 0});
        TreeRow b = new TreeRow(1, new int[] {2, 1}, new int[] {2, 1}, new int[] {-1, 2}, new String[] {"z", "y"},
                new boolean[] {true, true}, 0, new float[] {0, 0});
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PromptTree.of(1, "p", "", List.of(a, b)));
        assertEquals("prompt 1/p: node 1 has parent 0 in one trajectory and 2 in trajectory 1", e.getMessage());
    }

    @Test
    void rowsWithMismatchedArraysAreRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new TreeRow(4,
                new int[] {0, 0}, new int[] {0}, new int[] {-1}, new String[] {"x"}, new boolean[] {true, true}, 0,
                new float[] {0, 0}));
        assertEquals("trajectory 4: tokenNode has 2 entries but tokenText 1, policyMask 2, advantages 2",
                e.getMessage());
    }
}
