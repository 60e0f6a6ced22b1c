package io.cleave.rollout.branch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class BranchPoliciesTest {

    private static BranchParams params(int n, int m, int z, String rule) {
        return new BranchParams(n, m, z, 0.5, 0.2, 0.5, 2, rule);
    }

    private static ArpoBranchPolicy arpo(String rule) {
        return (ArpoBranchPolicy) BranchPolicies.create("arpo", params(8, 16, 1, rule));
    }

    @Test
    void arpoSampledRuleBranchesWhenClippedUMinusBetaDhIsAtMostTau() {
        ArpoBranchPolicy p = arpo("sampled");
        assertTrue(p.decide(0.5, 0.55));     // 0.55 - 0.1 = 0.45 <= 0.5
        assertFalse(p.decide(0.5, 0.65));    // 0.55 > 0.5
        assertTrue(p.decide(-1.0, 0.25));    // 0.25 + 0.2 = 0.45
        assertFalse(p.decide(-1.0, 0.35));   // 0.55
        assertTrue(p.decide(5.0, 0.9));      // clip(-0.1) = 0
        assertTrue(p.decide(0.0, 0.5));      // u = tau branches
        assertFalse(p.decide(0.0, 0.51));
    }

    @Test
    void arpoThresholdRuleIsThePapersFormulaAndIgnoresU() {
        ArpoBranchPolicy p = arpo("threshold");
        assertTrue(p.decide(0.1, 0.99));     // 0.5 + 0.02 > 0.5
        assertFalse(p.decide(-0.1, 0.0));    // 0.48
        assertFalse(p.decide(0.0, 0.0));     // 0.5 is not > 0.5
    }

    @Test
    void arpoEntropyChangeComparesMeansOfTheFirstKTokens() {
        BranchPoint point = BranchPoint.afterToolResult(8, new float[] {0.2f, 0.4f, 0.9f},
                new float[] {0.8f, 0.6f, 0.0f});
        assertEquals(0.4, arpo("sampled").entropyChange(point), 1e-6);
        BranchPoint shortWindow = BranchPoint.afterToolResult(8, new float[] {0.2f}, new float[0]);
        assertEquals(-0.2, arpo("sampled").entropyChange(shortWindow), 1e-6);
    }

    @Test
    void arpoCountsOneDecisionPerCandidateWithinTheBudget() {
        BranchPolicy p = BranchPolicies.create("arpo", params(8, 16, 3, "sampled"));
        BranchPoint flat = BranchPoint.afterToolResult(10, new float[] {0.5f, 0.5f}, new float[] {0.5f, 0.5f});
        assertEquals(3, p.candidates(flat));
        assertEquals(2, p.branches(flat, new double[] {0.1, 0.9, 0.5}));
        BranchPoint nearlyFull = BranchPoint.afterToolResult(15, new float[0], new float[0]);
        assertEquals(1, p.candidates(nearlyFull));
        assertEquals(0, p.candidates(BranchPoint.afterToolResult(16, new float[0], new float[0])));
        assertEquals(0, p.candidates(BranchPoint.atMacroState(3)));
        assertEquals(2, p.lookahead());
        assertThrows(IllegalArgumentException.class, () -> p.branches(flat, new double[] {0.1}));
        assertThrows(IllegalArgumentException.class, () -> p.branches(flat, new double[] {0.1, 1.0, 0.2}));
    }

    @Test
    void topUpFillsTheBudgetWhenAllPathsEndedEarly() {
        BranchPolicy p = BranchPolicies.create("arpo", params(8, 16, 1, "sampled"));
        assertEquals(6, p.topUp(10));
        assertEquals(0, p.topUp(16));
    }

    @Test
    void boundaryForksZAtMacroStatesUntilMLeaves() {
        BranchPolicy p = BranchPolicies.create("boundary", params(4, 10, 2, "sampled"));
        assertEquals(2, p.branches(BranchPoint.atMacroState(4), new double[2]));
        assertEquals(1, p.branches(BranchPoint.atMacroState(9), new double[1]));
        assertEquals(0, p.branches(BranchPoint.atMacroState(10), new double[0]));
        assertEquals(0, p.candidates(BranchPoint.afterToolResult(4, new float[0], new float[0])));
        assertEquals(4, p.initialSamples());
        assertEquals(10, p.budget());
    }

    @Test
    void noneNeverBranchesAndItsBudgetIsN() {
        BranchPolicy p = BranchPolicies.create("none", params(6, 16, 2, "sampled"));
        assertEquals(0, p.candidates(BranchPoint.atMacroState(0)));
        assertEquals(0, p.branches(BranchPoint.afterToolResult(0, new float[0], new float[] {1f}), new double[0]));
        assertEquals(6, p.budget());
        assertEquals(2, p.topUp(4));
    }

    @Test
    void budgetBelowInitialSamplesNamesBothKeys() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> params(8, 4, 1, "sampled"));
        assertEquals("branch.budget (M) = 4 must be >= branch.initial-samples (N) = 8", e.getMessage());
    }

    @Test
    void paramsValidationNamesTheKey() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> params(8, 16, 0, "sampled")).getMessage()
                .startsWith("branch.width"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> params(8, 16, 1, "coin")).getMessage()
                .startsWith("branch.rule must be one of [sampled, threshold]"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> new BranchParams(8, 16, 1, 0.5, 0.2, 1.5, 2, "sampled")).getMessage().startsWith("branch.tau"));
    }

    @Test
    void unknownPolicyListsKnownNames() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> BranchPolicies.create("beam", BranchParams.defaults()));
        assertEquals("unknown branch policy 'beam'; known: [arpo, boundary, none]", e.getMessage());
    }
}
