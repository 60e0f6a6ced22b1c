package io.cleave.bench;

import java.util.List;

/**
 * One training run of the algorithm benchmark.
 *
 * @param variant the variant's name
 * @param suite task suite
 * @param seed run seed
 * @param prompts prompts per iteration (from the budget calibration)
 * @param curve held-out evaluations, the first before training
 * @param trainSeconds wall time of the iterations (evaluations not counted)
 */
record RunResult(String variant, String suite, long seed, int prompts, List<CurvePoint> curve, double trainSeconds) {

    /**
     * One evaluation point.
     *
     * @param iteration iterations done (0 = the SFT checkpoint)
     * @param sampledTokens policy tokens sampled so far
     * @param accuracy held-out accuracy
     * @param toolCallsPerSolved tool calls over all evaluated tasks divided by the tasks solved (NaN if none)
     */
    record CurvePoint(int iteration, double sampledTokens, double accuracy, double toolCallsPerSolved) {}

    /** The last evaluation. */
    CurvePoint last() {
        return curve.get(curve.size() - 1);
    }

    /** Policy tokens sampled per iteration, on average. */
    double tokensPerIteration() {
        return last().sampledTokens() / Math.max(1, last().iteration());
    }
}
