package io.cleave.algo.filter;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DynamicSamplingTest {

    @Test
    void aGroupIsInformativeExactlyWhenItsRewardsDiffer() {
        assertFalse(DynamicSampling.informative(new double[] {1, 1, 1}));
        assertTrue(DynamicSampling.informative(new double[] {1, 0, 1}));
        assertFalse(DynamicSampling.informative(new double[] {0, 0}));
        assertFalse(DynamicSampling.informative(new double[] {0.5}));
        assertTrue(DynamicSampling.informative(new double[] {0, 0, 1e-9}));
        assertFalse(DynamicSampling.informative(new double[0]));
    }
}
