package io.cleave.algo.advantage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import io.cleave.rollout.segment.Segmenters;
import io.cleave.rollout.tree.RolloutSample;
import io.cleave.rollout.tree.TrajectoryTree;
import io.cleave.rollout.tree.TrajectoryTreeBuilder;
import java.util.List;
import org.junit.jupiter.api.Test;

class GpgEstimatorsTest {

    /** Rewards 1, 0, 1, 0: GRPO's normalised advantage is +-a. */
    private static final float A = (float) (0.5 / (Math.sqrt(1.0 / 3) + 1e-6));
    /** The group std plus epsilon used by gpg-branch. */
    private static final double S = Math.sqrt(1.0 / 3) + 1e-6;

    private static float[][] run(String estimator, TrajectoryTree tree) {
        return AdvantageEstimators.get(estimator).estimate(AdvantageInput.of(List.of(tree)))[0];
    }

    @Test
    void gpgPrefixAveragesLeafAdvantagesBelowEachNode() {
        float[][] a = run("gpg-prefix", Groups.branched());
        float shared = A / 3;   // nodes 0 and 1: leaves 0, 1, 2 -> (a - a + a) / 3
        assertArrayEquals(new float[] {shared, shared, shared, A, A, A}, a[0], 1e-6f);
        assertArrayEquals(new float[] {shared, shared, shared, 0, -A}, a[1], 1e-6f);      // node 4: (-a + a) / 2
        assertArrayEquals(new float[] {shared, shared, shared, 0, A, A}, a[2], 1e-6f);
        assertArrayEquals(new float[] {-A, -A, -A, -A, -A, -A}, a[3], 1e-6f);
    }

    @Test
    void gpgBranchComparesEachNodeWithItsParent() {
        float[][] a = run("gpg-branch", Groups.branched());
        float n0 = (float) ((2.0 / 3 - 0.5) / S);      // leaves 0,1,2 vs the group
        float n2 = (float) ((1 - 2.0 / 3) / S);        // leaf 0 vs node 1's leaves 0,1,2
        float n4 = (float) ((0.5 - 2.0 / 3) / S);      // leaves 1,2 vs node 1
        float n5 = (float) ((0 - 0.5) / S);            // leaf 1 vs node 4
        float n6 = (float) ((1 - 0.5) / S);            // leaf 2 vs node 4
        float n7 = (float) ((0 - 0.5) / S);            // leaf 3 vs the group; nodes 8, 9 then 0
        assertArrayEquals(new float[] {n0, n0, 0, n2, 0, 0}, a[0], 1e-6f);
        assertArrayEquals(new float[] {n0, n0, 0, n4, n5}, a[1], 1e-6f);
        assertArrayEquals(new float[] {n0, n0, 0, n4, n6, n6}, a[2], 1e-6f);
        assertArrayEquals(new float[] {n7, n7, 0, 0, 0, 0}, a[3], 1e-6f);
    }

    @Test
    void gpgPrefixWithoutBranchingEqualsGrpo() {
        List<RolloutSample> samples = List.of(
                Groups.sample(new int[] {1, 2, 3, 4}, -1, 0, 1),
                Groups.sample(new int[] {1, 2, 5}, -1, 0, 0.25),
                Groups.sample(new int[] {6, 7, 8, 9, 9}, -1, 0, 0.5));
        TrajectoryTree tree = TrajectoryTreeBuilder.build(samples, Segmenters.create("token"));
        float[][] prefix = run("gpg-prefix", tree);
        float[][] grpo = run("grpo", tree);
        for (int i = 0; i < 3; i++) {
            assertArrayEquals(grpo[i], prefix[i], 1e-7f);
        }
    }

    @Test
    void gpgPrefixWithSequenceSegmentationEqualsGrpoOnABranchedTree() {
        TrajectoryTree tree = TrajectoryTreeBuilder.build(Groups.branchedSamples(), Segmenters.create("sequence"));
        float[][] prefix = run("gpg-prefix", tree);
        float[][] grpo = run("grpo", tree);
        for (int i = 0; i < 4; i++) {
            assertArrayEquals(grpo[i], prefix[i], 1e-7f);
        }
        assertArrayEquals(new float[] {A, A, A, A, A, A}, prefix[2], 1e-6f);
    }

    @Test
    void gpgEstimatorsGiveZeroOnToolResultTokens() {
        List<RolloutSample> samples = List.of(
                Groups.sample(new int[] {1, 9, 2}, new boolean[] {true, false, true}, -1, 0, 1),
                Groups.sample(new int[] {1, 9, 3}, new boolean[] {true, false, true}, 0, 2, 0));
        TrajectoryTree tree = TrajectoryTreeBuilder.build(samples, Segmenters.create("token"));
        float a = (float) (0.5 / (Math.sqrt(0.5) + 1e-6));
        assertArrayEquals(new float[] {0, 0, a}, run("gpg-prefix", tree)[0], 1e-6f);
        assertArrayEquals(new float[] {0, 0, -a}, run("gpg-branch", tree)[1], 1e-6f);
    }
}
