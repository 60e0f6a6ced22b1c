package io.cleave.algo.filter;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class DynamicSamplingTest {

    @Test
    void keepsExactlyTheGroupsWhoseRewardsDiffer() {
        List<double[]> rewards = List.of(
                new double[] {1, 1, 1},
                new double[] {1, 0, 1},
                new double[] {0, 0},
                new double[] {0.5},
                new double[] {0, 0, 1e-9},
                new double[0]);
        assertArrayEquals(new int[] {1, 4}, DynamicSampling.kept(rewards));
    }

    @Test
    void budgetSaysHowManyMoreGroupsAndStopsAfterMaxRounds() {
        ResamplingBudget budget = new ResamplingBudget(4, 3);
        assertEquals(3, budget.stillNeeded(1));
        assertEquals(0, budget.stillNeeded(6));
        assertTrue(budget.resample(1, 1));
        assertTrue(budget.resample(2, 3));
        assertFalse(budget.resample(3, 1));
        assertFalse(budget.resample(1, 4));
    }

    @Test
    void budgetValidationNamesTheKey() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new ResamplingBudget(4, 0));
        assertEquals("dynamic-sampling.max-rounds must be >= 1, got 0", e.getMessage());
    }
}
