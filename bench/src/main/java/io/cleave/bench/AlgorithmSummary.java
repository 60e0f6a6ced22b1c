package io.cleave.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * One variant on one suite, over its seeds: final held-out accuracy (mean, sample standard deviation), tool calls
 * per solved task, tokens per iteration, wall time, and the mean learning curve.
 *
 * @param variant variant name
 * @param suite task suite
 * @param runs the seeds' runs (same evaluation points)
 */
record AlgorithmSummary(String variant, String suite, List<RunResult> runs) {

    /** Mean final accuracy over seeds. */
    double meanAccuracy() {
        return runs.stream().mapToDouble(r -> r.last().accuracy()).average().orElse(Double.NaN);
    }

    /** Sample standard deviation of the final accuracy over seeds (0 with one seed). */
    double stdAccuracy() {
        double mean = meanAccuracy();
        if (runs.size() < 2) {
            return 0;
        }
        double ss = runs.stream().mapToDouble(r -> (r.last().accuracy() - mean) * (r.last().accuracy() - mean)).sum();
        return Math.sqrt(ss / (runs.size() - 1));
    }

    /** Mean over seeds of the final tool calls per solved task (seeds that solved nothing left out). */
    double toolCallsPerSolved() {
        return runs.stream().mapToDouble(r -> r.last().toolCallsPerSolved()).filter(v -> !Double.isNaN(v))
                .average().orElse(Double.NaN);
    }

    /** Mean policy tokens sampled per iteration. */
    double tokensPerIteration() {
        return runs.stream().mapToDouble(RunResult::tokensPerIteration).average().orElse(Double.NaN);
    }

    /** Mean training wall time in seconds. */
    double trainSeconds() {
        return runs.stream().mapToDouble(RunResult::trainSeconds).average().orElse(Double.NaN);
    }

    /** Prompts per iteration (the same for every seed). */
    int prompts() {
        return runs.get(0).prompts();
    }

    /** The learning curve averaged over seeds, point by point: (iteration, tokens, accuracy, tool calls/solved). */
    List<RunResult.CurvePoint> meanCurve() {
        List<RunResult.CurvePoint> out = new ArrayList<>();
        for (int i = 0; i < runs.get(0).curve().size(); i++) {
            int k = i;
            out.add(new RunResult.CurvePoint(runs.get(0).curve().get(i).iteration(),
                    runs.stream().mapToDouble(r -> r.curve().get(k).sampledTokens()).average().orElse(0),
                    runs.stream().mapToDouble(r -> r.curve().get(k).accuracy()).average().orElse(0),
                    runs.stream().mapToDouble(r -> r.curve().get(k).toolCallsPerSolved())
                            .filter(v -> !Double.isNaN(v)).average().orElse(Double.NaN)));
        }
        return out;
    }

    /**
     * Policy tokens sampled until the mean curve first reaches {@code target} accuracy (0 when the SFT checkpoint
     * already does), or NaN when it never does.
     */
    double tokensToReach(double target) {
        for (RunResult.CurvePoint p : meanCurve()) {
            if (p.accuracy() >= target - 1e-12) {
                return p.sampledTokens();
            }
        }
        return Double.NaN;
    }
}
