package io.cleave.spark.rows;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cleave.rollout.tree.Trajectory;
import io.cleave.rollout.tree.TrajectoryTree;
import io.cleave.spark.testing.RandomBatches;
import io.cleave.spark.testing.TestSpark;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.apache.spark.sql.Encoders;
import org.junit.jupiter.api.Test;

/** Trees to rows and back, through Spark's bean encoder too, and the errors of inconsistent rows. */
class TrajectoryRowsTest {

    private static void assertSameTree(TrajectoryTree expected, TrajectoryTree actual) {
        assertEquals(expected.nodes(), actual.nodes());
        assertEquals(expected.size(), actual.size());
        for (int i = 0; i < expected.size(); i++) {
            Trajectory e = expected.trajectories().get(i);
            Trajectory a = actual.trajectories().get(i);
            assertArrayEquals(e.path(), a.path());
            assertArrayEquals(e.tokenNode(), a.tokenNode());
            assertArrayEquals(e.sample().tokens(), a.sample().tokens());
            assertArrayEquals(e.sample().policyMask(), a.sample().policyMask());
            assertArrayEquals(e.sample().tokenText(), a.sample().tokenText());
            assertArrayEquals(e.sample().entropy(), a.sample().entropy());
            assertEquals(e.sample().parentSample(), a.sample().parentSample());
            assertEquals(e.sample().branchPos(), a.sample().branchPos());
            assertEquals(e.reward(), a.reward());
        }
    }

    private static List<TrajectoryRow> group(List<TrajectoryRow> rows, String id) {
        return rows.stream().filter(r -> r.getPromptId().equals(id)).toList();
    }

    @Test
    void rowsRebuildEveryTreeInAnyOrder() {
        RandomBatches batch = RandomBatches.generate(5, 15, 2, 0);
        Random random = new Random(1);
        for (int g = 0; g < batch.ids().size(); g++) {
            List<TrajectoryRow> rows = new ArrayList<>(group(batch.rows(), batch.ids().get(g)));
            Collections.shuffle(rows, random);
            assertSameTree(batch.input().groups().get(g), TrajectoryRows.toTree(rows));
        }
    }

    @Test
    void rowsCarryKeysParentsAndLogProbs() {
        RandomBatches batch = RandomBatches.generate(9, 3, 4, 0);
        TrajectoryTree tree = batch.input().groups().get(0);
        List<TrajectoryRow> rows = TrajectoryRows.fromTree(4, "p", tree, batch.input().oldLogp().get(0), null);
        for (int i = 0; i < rows.size(); i++) {
            TrajectoryRow row = rows.get(i);
            assertEquals(4, row.getIteration());
            assertEquals("p", row.getPromptId());
            assertEquals(i, row.getSampleIndex());
            assertArrayEquals(batch.input().oldLogp().get(0)[i], row.getOldLogp());
            assertNull(row.getRefLogp());
            int[] path = row.getPath();
            for (int k = 0; k < path.length; k++) {
                assertEquals(tree.nodes().get(path[k]).parent(), row.getNodeParents()[k]);
            }
        }
    }

    @Test
    void sparkBeanEncoderKeepsEveryField() {
        RandomBatches batch = RandomBatches.generate(3, 6, 1, 0);
        List<TrajectoryRow> rows = new ArrayList<>(batch.rows());
        rows.get(0).setOldLogp(null);
        List<TrajectoryRow> back = TestSpark.session().createDataset(rows, Encoders.bean(TrajectoryRow.class))
                .collectAsList();
        assertNull(back.get(0).getOldLogp());
        for (int g = 0; g < batch.ids().size(); g++) {
            assertSameTree(batch.input().groups().get(g), TrajectoryRows.toTree(group(back, batch.ids().get(g))));
        }
        assertArrayEquals(rows.get(1).getRefLogp(), back.get(1).getRefLogp());
    }

    @Test
    void inconsistentRowsNameTheTrajectoryAndNode() {
        RandomBatches batch = RandomBatches.generate(7, 1, 0, 0);
        List<TrajectoryRow> rows = batch.rows();
        assertTrue(rows.size() >= 2);
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> TrajectoryRows.toTree(rows.subList(1, rows.size())));
        assertEquals("group 0/g0 has no trajectory with sampleIndex 0", missing.getMessage());

        TrajectoryRow other = TrajectoryRows.fromTree(0, "h", batch.input().groups().get(0), null, null).get(1);
        List<TrajectoryRow> mixed = List.of(rows.get(0), other);
        assertEquals("trajectory 0/h/1 is not in group 0/g0",
                assertThrows(IllegalArgumentException.class, () -> TrajectoryRows.toTree(mixed)).getMessage());

        TrajectoryRow broken = TrajectoryRows.fromTree(0, "g0", batch.input().groups().get(0), null, null).get(0);
        broken.setPath(new int[] {broken.getPath()[0], 99});
        broken.setNodeParents(new int[] {-1, 98});
        IllegalArgumentException parent = assertThrows(IllegalArgumentException.class,
                () -> TrajectoryRows.toTree(List.of(broken)));
        assertTrue(parent.getMessage().startsWith("trajectory 0/g0/0: node 99 has parent 98"), parent.getMessage());
    }
}
