package io.cleave.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;

class TreeLayoutTest {

    /**
     * Two independent samples: node 0 branches into 1 and 2, node 2 into 3 and 4; node 5 is a single-node sample.
     * Leaves in depth-first order: 1, 3, 4, 5 at rows 0..3; node 2 = (1 + 2) / 2, node 0 = (0 + 1.5) / 2,
     * root = (0.75 + 3) / 2.
     */
    @Test
    void leavesTakeRowsInDepthFirstOrderAndInnerNodesAreCentred() {
        TreeLayout layout = TreeLayout.of(Map.of(0, -1, 1, 0, 2, 0, 3, 2, 4, 2, 5, -1));
        assertEquals(4, layout.columns());
        assertEquals(4, layout.rows());
        assertEquals(new TreeLayout.Slot(0, 1.875), layout.slots().get(TreeLayout.ROOT));
        assertEquals(new TreeLayout.Slot(1, 0.75), layout.slots().get(0));
        assertEquals(new TreeLayout.Slot(2, 0), layout.slots().get(1));
        assertEquals(new TreeLayout.Slot(2, 1.5), layout.slots().get(2));
        assertEquals(new TreeLayout.Slot(3, 1), layout.slots().get(3));
        assertEquals(new TreeLayout.Slot(3, 2), layout.slots().get(4));
        assertEquals(new TreeLayout.Slot(1, 3), layout.slots().get(5));
    }

    @Test
    void anEmptyTreeIsTheRootAlone() {
        TreeLayout layout = TreeLayout.of(Map.of());
        assertEquals(1, layout.columns());
        assertEquals(1, layout.rows());
        assertEquals(new TreeLayout.Slot(0, 0), layout.slots().get(TreeLayout.ROOT));
    }

    @Test
    void unknownParentsAndCyclesAreRejected() {
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> TreeLayout.of(Map.of(0, -1, 1, 7)));
        assertEquals("node 1 has parent 7, which is not a node of the tree", unknown.getMessage());
        IllegalArgumentException cycle = assertThrows(IllegalArgumentException.class,
                () -> TreeLayout.of(Map.of(0, -1, 1, 2, 2, 1)));
        assertEquals("the parents of nodes [1, 2] form a cycle", cycle.getMessage());
    }
}
