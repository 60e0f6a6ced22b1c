package io.cleave.algo.advantage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.cleave.rollout.tree.TrajectoryTree;
import io.cleave.rollout.tree.TrajectoryTreeBuilder;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrajectoryLevelEstimatorsTest {

    private static float[][][] run(String estimator, TrajectoryTree... groups) {
        return AdvantageEstimators.get(estimator).estimate(AdvantageInput.of(List.of(groups)));
    }

    @Test
    void grpoNormalisesByTheUnbiasedStd() {
        // rewards 1, 0, 0, 1: mean 0.5, unbiased std sqrt(1/3); A = +-0.5 / (0.5773503 + 1e-6) = +-0.8660239
        float[][][] a = run("grpo", Groups.flat(new int[] {2, 1, 1, 3}, 1, 0, 0, 1));
        assertArrayEquals(new float[] {0.8660239f, 0.8660239f}, a[0][0], 1e-6f);
        assertArrayEquals(new float[] {-0.8660239f}, a[0][1], 1e-6f);
        assertArrayEquals(new float[] {0.8660239f, 0.8660239f, 0.8660239f}, a[0][3], 1e-6f);
        // rewards 2, 0, 1: mean 1, std 1
        float[][][] b = run("grpo", Groups.flat(new int[] {1, 1, 1}, 2, 0, 1));
        assertEquals(1 / (1 + 1e-6), b[0][0][0], 1e-6);
        assertEquals(-1 / (1 + 1e-6), b[0][1][0], 1e-6);
        assertEquals(0, b[0][2][0], 0);
    }

    @Test
    void grpoGroupOfOneGetsZero() {
        assertArrayEquals(new float[] {0, 0}, run("grpo", Groups.flat(new int[] {2}, 5))[0][0]);
    }

    @Test
    void toolResultTokensGetZero() {
        TrajectoryTree tree = TrajectoryTreeBuilder.build(List.of(
                Groups.sample(new int[] {1, 2, 3}, new boolean[] {true, false, true}, -1, 0, 1),
                Groups.sample(new int[] {1}, -1, 0, 0)), List.of(new int[0], new int[0]), true);
        float a = (float) (0.5 / (Math.sqrt(0.5) + 1e-6));
        assertArrayEquals(new float[] {a, 0, a}, run("grpo", tree)[0][0], 1e-6f);
        assertArrayEquals(new float[] {0.5f, 0, 0.5f}, run("dr-grpo", tree)[0][0], 1e-6f);
    }

    @Test
    void drGrpoSubtractsTheMeanOnly() {
        float[][][] a = run("dr-grpo", Groups.flat(new int[] {1, 1, 1}, 2, 0, 1));
        assertEquals(1, a[0][0][0], 1e-6);
        assertEquals(-1, a[0][1][0], 1e-6);
        assertEquals(0, a[0][2][0], 1e-6);
    }

    @Test
    void rlooSubtractsTheMeanOfTheOthers() {
        float[][][] a = run("rloo", Groups.flat(new int[] {1, 1, 1}, 2, 0, 1));
        assertEquals(1.5, a[0][0][0], 1e-6);   // 2 - (0 + 1) / 2
        assertEquals(-1.5, a[0][1][0], 1e-6);  // 0 - (2 + 1) / 2
        assertEquals(0, a[0][2][0], 1e-6);     // 1 - (2 + 0) / 2
        assertEquals(0, run("rloo", Groups.flat(new int[] {1}, 3))[0][0][0], 0);
    }

    @Test
    void groupsAreNormalisedSeparately() {
        float[][][] a = run("dr-grpo", Groups.flat(new int[] {1, 1}, 1, 0), Groups.flat(new int[] {1, 1}, 10, 20));
        assertEquals(0.5, a[0][0][0], 1e-6);
        assertEquals(-5, a[1][0][0], 1e-6);
    }

    @Test
    void unknownEstimatorListsKnownNames() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> AdvantageEstimators.get("ppo"));
        assertEquals("unknown advantage estimator 'ppo'; known: [dr-grpo, gpg-branch, gpg-prefix, grpo, "
                + "reinforce++, rloo]", e.getMessage());
    }
}
