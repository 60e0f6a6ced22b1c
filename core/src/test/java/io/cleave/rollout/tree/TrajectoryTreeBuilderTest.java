package io.cleave.rollout.tree;

import static io.cleave.rollout.tree.TreeSamples.sample;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cleave.rollout.segment.Segmenters;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrajectoryTreeBuilderTest {

    /**
     * s0 [1..6] cut at 2 and 4; s1 branches from s0 at 3, cut at 4; s2 branches from s1 at 4; s3 is independent with
     * s0's exact tokens.
     */
    static List<RolloutSample> branchedSamples() {
        return List.of(
                sample(new int[] {1, 2, 3, 4, 5, 6}, -1, 0, 1),
                sample(new int[] {1, 2, 3, 7, 8}, 0, 3, 0),
                sample(new int[] {1, 2, 3, 7, 9, 9}, 1, 4, 1),
                sample(new int[] {1, 2, 3, 4, 5, 6}, -1, 0, 0));
    }

    static List<int[]> branchedCuts() {
        return List.of(new int[] {2, 4}, new int[] {4}, new int[0], new int[] {2, 4});
    }

    static TrajectoryTree branchedTree() {
        return TrajectoryTreeBuilder.build(branchedSamples(), branchedCuts(), true);
    }

    @Test
    void branchedSamplesShareTheirParentsPrefixNodesWithIdsInInputOrder() {
        TrajectoryTree tree = branchedTree();
        assertEquals(List.of(
                new TreeNode(0, -1, 0, 0, 2), new TreeNode(1, 0, 0, 2, 3), new TreeNode(2, 1, 0, 3, 4),
                new TreeNode(3, 2, 0, 4, 6), new TreeNode(4, 1, 1, 3, 4), new TreeNode(5, 4, 1, 4, 5),
                new TreeNode(6, 4, 2, 4, 6), new TreeNode(7, -1, 3, 0, 2), new TreeNode(8, 7, 3, 2, 4),
                new TreeNode(9, 8, 3, 4, 6)), tree.nodes());
        assertArrayEquals(new int[] {0, 1, 2, 3}, tree.trajectories().get(0).path());
        assertArrayEquals(new int[] {0, 1, 4, 5}, tree.trajectories().get(1).path());
        assertArrayEquals(new int[] {0, 1, 4, 6}, tree.trajectories().get(2).path());
        assertArrayEquals(new int[] {7, 8, 9}, tree.trajectories().get(3).path());
        assertArrayEquals(new int[] {0, 0, 1, 2, 3, 3}, tree.trajectories().get(0).tokenNode());
        assertArrayEquals(new int[] {0, 0, 1, 4, 5}, tree.trajectories().get(1).tokenNode());
        assertArrayEquals(new int[] {0, 0, 1, 4, 6, 6}, tree.trajectories().get(2).tokenNode());
    }

    @Test
    void leavesBelowListsTheTrajectoriesThroughEachNode() {
        int[][] leaves = branchedTree().leavesBelow();
        assertArrayEquals(new int[] {0, 1, 2}, leaves[0]);
        assertArrayEquals(new int[] {0, 1, 2}, leaves[1]);
        assertArrayEquals(new int[] {0}, leaves[2]);
        assertArrayEquals(new int[] {1, 2}, leaves[4]);
        assertArrayEquals(new int[] {2}, leaves[6]);
        assertArrayEquals(new int[] {3}, leaves[9]);
    }

    @Test
    void branchInsideAParentsSharedPrefixCutsTheAncestorThatGeneratedIt() {
        List<RolloutSample> samples = List.of(
                sample(new int[] {1, 2, 3, 4}, -1, 0, 1),
                sample(new int[] {1, 2, 3, 5}, 0, 3, 0),
                sample(new int[] {1, 6, 6}, 1, 1, 0));
        TrajectoryTree tree = TrajectoryTreeBuilder.build(samples, List.of(new int[0], new int[0], new int[0]), true);
        assertEquals(List.of(new TreeNode(0, -1, 0, 0, 1), new TreeNode(1, 0, 0, 1, 3), new TreeNode(2, 1, 0, 3, 4),
                new TreeNode(3, 1, 1, 3, 4), new TreeNode(4, 0, 2, 1, 3)), tree.nodes());
        assertArrayEquals(new int[] {0, 4}, tree.trajectories().get(2).path());
    }

    @Test
    void sequenceSegmentationGivesOneUnsharedNodePerTrajectory() {
        TrajectoryTree tree = TrajectoryTreeBuilder.build(branchedSamples(), Segmenters.create("sequence"));
        assertEquals(4, tree.nodes().size());
        for (int i = 0; i < 4; i++) {
            TreeNode node = tree.nodes().get(i);
            assertEquals(new TreeNode(i, -1, i, 0, branchedSamples().get(i).length()), node);
            assertArrayEquals(new int[] {i}, tree.trajectories().get(i).path());
        }
    }

    @Test
    void tokenSegmentationMakesEveryPolicyTokenANodeAndSharesBranchPrefixes() {
        boolean[] policy = {true, true, false, false, true};
        List<RolloutSample> samples = List.of(
                TreeSamples.sample(new int[] {1, 2, 8, 8, 3}, policy, -1, 0, 1),
                TreeSamples.sample(new int[] {1, 2, 8, 8, 4, 5}, new boolean[] {true, true, false, false, true, true},
                        0, 4, 0));
        TrajectoryTree tree = TrajectoryTreeBuilder.build(samples, Segmenters.create("token"));
        assertEquals(List.of(new TreeNode(0, -1, 0, 0, 1), new TreeNode(1, 0, 0, 1, 4), new TreeNode(2, 1, 0, 4, 5),
                new TreeNode(3, 1, 1, 4, 5), new TreeNode(4, 3, 1, 5, 6)), tree.nodes());
        assertArrayEquals(new int[] {0, 1, 1, 1, 3, 4}, tree.trajectories().get(1).tokenNode());
    }

    @Test
    void sharedPrefixMismatchNamesTheSample() {
        List<RolloutSample> samples = List.of(
                sample(new int[] {1, 2, 3}, -1, 0, 1),
                sample(new int[] {1, 9, 3, 4}, 0, 2, 0));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TrajectoryTreeBuilder.build(samples, Segmenters.create("token")));
        assertTrue(e.getMessage().startsWith("sample 1: shared prefix differs from parent sample 0 at token 1"),
                e.getMessage());
    }

    @Test
    void parentMustComeBeforeItsChild() {
        List<RolloutSample> samples = List.of(
                sample(new int[] {1, 2}, 1, 1, 1),
                sample(new int[] {1, 2}, -1, 0, 0));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TrajectoryTreeBuilder.build(samples, Segmenters.create("token")));
        assertTrue(e.getMessage().startsWith("sample 0: parentSample 1"), e.getMessage());
    }

    @Test
    void branchOnAToolResultTokenIsRejected() {
        List<RolloutSample> samples = List.of(
                TreeSamples.sample(new int[] {1, 2, 3}, new boolean[] {true, false, true}, -1, 0, 1),
                TreeSamples.sample(new int[] {1, 5, 6}, new boolean[] {true, true, true}, 0, 1, 0));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TrajectoryTreeBuilder.build(samples, Segmenters.create("marker")));
        assertTrue(e.getMessage().contains("sample 1: branchPos 1") && e.getMessage().contains("parent sample 0"),
                e.getMessage());
    }

    @Test
    void explicitCutsAreValidated() {
        List<RolloutSample> samples = List.of(sample(new int[] {1, 2, 3}, -1, 0, 1));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TrajectoryTreeBuilder.build(samples, List.<int[]>of(new int[] {2, 1}), true));
        assertTrue(e.getMessage().startsWith("sample 0: cuts [2, 1]"), e.getMessage());
    }

    @Test
    void sampleValidatesBranchFields() {
        assertThrows(IllegalArgumentException.class, () -> sample(new int[] {1, 2}, -1, 1, 0));
        assertThrows(IllegalArgumentException.class, () -> sample(new int[] {1, 2}, 0, 2, 0));
        assertThrows(IllegalArgumentException.class, () -> sample(new int[] {1, 2}, -1, 0, Double.NaN));
    }
}
