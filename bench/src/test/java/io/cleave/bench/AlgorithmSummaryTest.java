package io.cleave.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class AlgorithmSummaryTest {

    private static RunResult run(long seed, double a0, double a1, double a2, double tokensPerStep) {
        return new RunResult("v", "arith", seed, 4, List.of(new RunResult.CurvePoint(0, 0, a0, 2.0),
                new RunResult.CurvePoint(2, 2 * tokensPerStep, a1, 1.0),
                new RunResult.CurvePoint(4, 4 * tokensPerStep, a2, Double.NaN)), 10 * seed + 10);
    }

    private final AlgorithmSummary summary = new AlgorithmSummary("v", "arith",
            List.of(run(0, 0.1, 0.3, 0.5, 100), run(1, 0.1, 0.5, 0.7, 300)));

    @Test
    void finalAccuracyMeanAndSampleStd() {
        assertEquals(0.6, summary.meanAccuracy(), 1e-12);
        assertEquals(Math.sqrt(0.02), summary.stdAccuracy(), 1e-12);
    }

    @Test
    void tokensToReachUseTheSeedMeanCurve() {
        // mean curve: (0 tokens, 0.1), (400, 0.4), (800, 0.6)
        assertEquals(0, summary.tokensToReach(0.1), 1e-12);
        assertEquals(400, summary.tokensToReach(0.35), 1e-12);
        assertEquals(800, summary.tokensToReach(0.6), 1e-12);
        assertTrue(Double.isNaN(summary.tokensToReach(0.61)));
    }

    @Test
    void perIterationAndPerSolvedFigures() {
        assertEquals(200, summary.tokensPerIteration(), 1e-12);
        assertEquals(15, summary.trainSeconds(), 1e-12);
        assertTrue(Double.isNaN(summary.toolCallsPerSolved()));
        assertEquals(1.0, summary.meanCurve().get(1).toolCallsPerSolved(), 1e-12);
    }
}
