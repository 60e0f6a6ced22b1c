package io.cleave.bench;

import java.util.List;
import java.util.Locale;

/**
 * The algorithm table as Markdown (paper style: accuracy mean ± std per suite, the average across suites, tool
 * calls per solved task, tokens to reach the best baseline, wall time) and as CSV.
 *
 * @param header report header (command, date, load)
 * @param plan the run's size
 * @param variants the rows, in order
 * @param summaries one per variant and suite
 * @param calibration notes on the token budget calibration, one line per suite
 */
record AlgorithmReport(String header, AlgorithmPlan plan, List<AlgorithmVariant> variants,
        List<AlgorithmSummary> summaries, List<String> calibration) {

    /** The summary of a variant on a suite. */
    AlgorithmSummary of(String variant, String suite) {
        return summaries.stream().filter(s -> s.variant().equals(variant) && s.suite().equals(suite)).findFirst()
                .orElseThrow();
    }

    /** The best baseline's mean final accuracy on a suite. */
    double bestBaseline(String suite) {
        return variants.stream().filter(AlgorithmVariant::baseline).mapToDouble(v -> of(v.name(), suite)
                .meanAccuracy()).max().orElse(Double.NaN);
    }

    /** The Markdown report. */
    String markdown() {
        StringBuilder out = new StringBuilder(header);
        out.append(String.format(Locale.ROOT, "%nMode `%s`: `%s` model warm-started by SFT (cached) on each suite; "
                + "%d RL iterations per run from that checkpoint, %d seeds, greedy held-out accuracy on the same %d "
                + "test tasks every %d iterations; single-process `TrainingLoop` (`LocalRollouts`); lr %s, %d "
                + "optimizer steps per iteration; up to %d new tokens; 8 leaves per prompt for every variant.%n%n",
                plan.mode(), plan.preset(), plan.iterations(), plan.seeds(), plan.evalSize(), plan.evalEvery(),
                plan.lr(), plan.minibatches(), plan.maxNewTokens()));
        plan.setups().forEach(s -> out.append("- ").append(s.describe(plan.sftBatch())).append('\n'));
        out.append('\n');
        out.append("Rollout budget: GRPO's tokens per iteration at ").append(plan.basePrompts())
                .append(" prompts; every other variant gets the number of prompts whose expected sampled tokens ")
                .append("match it (tokens per prompt measured by one calibration iteration of ")
                .append(AlgorithmRunner.CALIBRATION_PROMPTS).append(" prompts from the ")
                .append("SFT checkpoint, once per sampling setup: variants without beaming and N 8 share GRPO's), so ")
                .append("beaming's shared prefixes buy more prompts, not free samples. The ")
                .append("sampled tokens actually spent are reported.\n\n");
        calibration.forEach(line -> out.append("- ").append(line).append('\n'));
        out.append("\n| recipe |");
        for (String suite : plan.suites()) {
            out.append(' ').append(suite).append(" acc |");
        }
        out.append(" avg acc |");
        for (String suite : plan.suites()) {
            out.append(' ').append(suite).append(" calls/solved | ").append(suite).append(" tokens/iter | ")
                    .append(suite).append(" tokens to best baseline | ").append(suite).append(" wall s |");
        }
        out.append("\n|---|").append("---:|".repeat(plan.suites().size() * 5 + 1)).append('\n');
        for (AlgorithmVariant v : variants) {
            out.append("| ").append(v.name()).append(" |");
            double avg = 0;
            for (String suite : plan.suites()) {
                AlgorithmSummary s = of(v.name(), suite);
                avg += s.meanAccuracy() / plan.suites().size();
                out.append(String.format(Locale.ROOT, " %.3f ± %.3f |", s.meanAccuracy(), s.stdAccuracy()));
            }
            out.append(String.format(Locale.ROOT, " %.3f |", avg));
            for (String suite : plan.suites()) {
                AlgorithmSummary s = of(v.name(), suite);
                double reach = s.tokensToReach(bestBaseline(suite));
                out.append(String.format(Locale.ROOT, " %s | %.0f | %s | %.1f |", fmt(s.toolCallsPerSolved(), "%.2f"),
                        s.tokensPerIteration(), Double.isNaN(reach) ? "not reached" : String.format(Locale.ROOT,
                                "%.0f", reach), s.trainSeconds()));
            }
            out.append('\n');
        }
        out.append("\nColumns: acc = final held-out accuracy, mean ± sample std over seeds; avg acc = mean of the "
                + "suites; calls/solved = tool calls over all evaluated tasks per task solved (final evaluation); "
                + "tokens/iter = policy tokens sampled per iteration; tokens to best baseline = policy tokens sampled "
                + "until the seed-mean curve first reaches the best baseline's final mean accuracy (baselines: every "
                + "recipe but the two gpg rows; 0 = the SFT checkpoint already does); wall s = training wall time per "
                + "run (evaluations excluded), on a machine shared with other jobs.\n\n");
        out.append(verdict());
        return out.toString();
    }

    /** Whether segment-level credit beat GRPO on each suite, as measured. */
    private String verdict() {
        StringBuilder out = new StringBuilder("Measured outcome:\n");
        for (String suite : plan.suites()) {
            AlgorithmSummary grpo = of("grpo", suite);
            AlgorithmSummary gpg = of("gpg (gpg-prefix)", suite);
            double diff = gpg.meanAccuracy() - grpo.meanAccuracy();
            double noise = Math.max(grpo.stdAccuracy(), gpg.stdAccuracy());
            String word = Math.abs(diff) <= noise ? "within one seed std of" : diff > 0 ? "above" : "below";
            out.append(String.format(Locale.ROOT, "- %s: gpg (gpg-prefix) %.3f vs grpo %.3f (%+.3f): %s GRPO; "
                    + "SFT checkpoint %.3f.%n", suite, gpg.meanAccuracy(), grpo.meanAccuracy(), diff, word,
                    grpo.meanCurve().get(0).accuracy()));
        }
        return out.toString();
    }

    /** One CSV row per variant, suite and seed, with the final figures. */
    String csv() {
        StringBuilder out = new StringBuilder("mode,variant,suite,seed,prompts_per_iteration,iterations,"
                + "final_accuracy,initial_accuracy,tool_calls_per_solved,sampled_tokens,tokens_per_iteration,"
                + "train_seconds\n");
        for (AlgorithmSummary s : summaries) {
            for (RunResult r : s.runs()) {
                out.append(String.format(Locale.ROOT, "%s,%s,%s,%d,%d,%d,%.4f,%.4f,%s,%.0f,%.1f,%.2f%n", plan.mode(),
                        r.variant(), r.suite(), r.seed(), r.prompts(), r.last().iteration(), r.last().accuracy(),
                        r.curve().get(0).accuracy(), fmt(r.last().toolCallsPerSolved(), "%.3f"),
                        r.last().sampledTokens(), r.tokensPerIteration(), r.trainSeconds()));
            }
        }
        return out.toString();
    }

    /** Every evaluation point of every run, as CSV (the learning curves' data). */
    String curvesCsv() {
        StringBuilder out = new StringBuilder("variant,suite,seed,iteration,sampled_tokens,accuracy,"
                + "tool_calls_per_solved\n");
        for (AlgorithmSummary s : summaries) {
            for (RunResult r : s.runs()) {
                for (RunResult.CurvePoint p : r.curve()) {
                    out.append(String.format(Locale.ROOT, "%s,%s,%d,%d,%.0f,%.4f,%s%n", r.variant(), r.suite(),
                            r.seed(), p.iteration(), p.sampledTokens(), p.accuracy(),
                            fmt(p.toolCallsPerSolved(), "%.3f")));
                }
            }
        }
        return out.toString();
    }

    private static String fmt(double v, String format) {
        return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, format, v);
    }
}
