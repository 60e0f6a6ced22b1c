package io.cleave.algo.advantage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.cleave.rollout.tree.TrajectoryTree;
import io.cleave.rollout.tree.TrajectoryTreeBuilder;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReinforcePlusPlusEstimatorTest {

    private static TrajectoryTree group() {
        return TrajectoryTreeBuilder.build(List.of(
                Groups.sample(new int[] {1, 2, 3, 4}, new boolean[] {true, true, false, true}, -1, 0, 1),
                Groups.sample(new int[] {5, 6}, -1, 0, 0)), List.of(new int[0], new int[0]), true);
    }

    @Test
    void klShapedReturnToGoWhitenedOverTheBatch() {
        // Trajectory 0: old - ref = 0.5, 0, (env), 1 -> rewards -0.05, 0, -, 0.9 -> G = 0.85, 0.9, -, 0.9.
        // Trajectory 1: no KL, reward 0 -> G = 0, 0. Policy-token G: mean 0.53, unbiased std sqrt(0.2345).
        List<float[][]> old = List.<float[][]>of(new float[][] {{-1, -1, 0, -1}, {-1, -1}});
        List<float[][]> ref = List.<float[][]>of(new float[][] {{-1.5f, -1, 0, -2}, {-1, -1}});
        float[][][] a = AdvantageEstimators.get("reinforce++")
                .estimate(new AdvantageInput(List.of(group()), old, ref, 0.1));
        assertArrayEquals(new float[] {0.66081296f, 0.76406499f, 0, 0.76406499f}, a[0][0], 1e-5f);
        assertArrayEquals(new float[] {-1.09447147f, -1.09447147f}, a[0][1], 1e-5f);
    }

    @Test
    void whiteningSpansAllGroupsWithoutAPerPromptBaseline() {
        // Without KL: G = R on every policy token. Tokens: 3 with 1 (group 0), 2 with 0, 1 with 4 (group 1).
        TrajectoryTree second = Groups.flat(new int[] {1}, 4);
        float[][][] a = AdvantageEstimators.get("reinforce++").estimate(AdvantageInput.of(List.of(group(), second)));
        double mean = (3 * 1 + 0 + 4) / 6.0;
        double var = (3 * Math.pow(1 - mean, 2) + 2 * Math.pow(mean, 2) + Math.pow(4 - mean, 2)) / 5;
        float one = (float) ((1 - mean) / Math.sqrt(var));
        assertArrayEquals(new float[] {one, one, 0, one}, a[0][0], 1e-6f);
        assertArrayEquals(new float[] {(float) ((4 - mean) / Math.sqrt(var))}, a[1][0], 1e-6f);
    }

    @Test
    void klInRewardNeedsLogProbs() {
        assertThrows(IllegalArgumentException.class, () -> new AdvantageInput(List.of(group()), null, null, 0.1));
        List<float[][]> wrong = List.<float[][]>of(new float[][] {{-1, -1, 0}, {-1, -1}});
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new AdvantageInput(List.of(group()), wrong, wrong, 0.1));
        assertEquals(
                "group 0: oldLogp of trajectory 0 must have 4 values", e.getMessage());
    }
}
