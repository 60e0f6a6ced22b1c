package io.cleave.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code cleave bench algorithms [--quick]}: every recipe variant trained from the same SFT checkpoint on
 * {@code arith} and {@code multihop} at the same rollout token budget, for the same iterations, over several seeds;
 * writes {@code bench/results/algorithms/}: {@code table.md}, {@code table.csv}, {@code curves.csv} and
 * {@code curves-SUITE.png}.
 */
@Command(name = "algorithms", mixinStandardHelpOptions = true,
        description = "The algorithm table on arith and multihop -> bench/results/algorithms/")
final class AlgorithmsCommand implements Callable<Integer> {

    @Option(names = "--quick", description = "a few minutes: tiny model, short warm start, 4 iterations")
    boolean quick;

    @Option(names = "--seeds", defaultValue = "3", description = "seeds per recipe and suite (default: ${DEFAULT-VALUE})")
    int seeds;

    @Override
    public Integer call() throws Exception {
        AlgorithmPlan plan = quick ? AlgorithmPlan.quick(seeds) : AlgorithmPlan.full(seeds);
        String header = BenchContext.header("./cleave bench algorithms" + (quick ? " --quick" : "")
                + (seeds == 3 ? "" : " --seeds " + seeds));
        List<AlgorithmVariant> variants = AlgorithmVariant.all(plan.maxNewTokens());
        List<AlgorithmSummary> summaries = new ArrayList<>();
        List<String> calibration = new ArrayList<>();
        long started = System.nanoTime();
        for (String suite : plan.suites()) {
            AlgorithmRunner runner = new AlgorithmRunner(plan, WarmStartCache.get(suite, plan.preset(),
                    plan.sftSteps(), plan.sftBatch()), suite);
            double grpoTokens = runner.tokensPerPrompt(variants.get(0));
            double budget = plan.basePrompts() * grpoTokens;
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%s: budget %.0f tokens per iteration;"
                    + " calibrated tokens per prompt and prompts per iteration:", suite, budget));
            for (AlgorithmVariant v : variants) {
                double perPrompt = v == variants.get(0) ? grpoTokens : runner.tokensPerPrompt(v);
                int prompts = Math.max(1, (int) Math.round(budget / perPrompt));
                line.append(String.format(Locale.ROOT, " %s %.0f -> %d;", v.name(), perPrompt, prompts));
                List<RunResult> runs = new ArrayList<>();
                for (long seed = 0; seed < plan.seeds(); seed++) {
                    RunResult r = runner.train(v, seed, prompts);
                    System.out.printf(Locale.ROOT, "%-18s %-9s seed %d: prompts %d, accuracy %.3f -> %.3f, %.0f "
                            + "tokens, %.1f s  (%.0f s elapsed)%n", v.name(), suite, seed, prompts,
                            r.curve().get(0).accuracy(), r.last().accuracy(), r.last().sampledTokens(),
                            r.trainSeconds(), (System.nanoTime() - started) / 1e9);
                    runs.add(r);
                }
                summaries.add(new AlgorithmSummary(v.name(), suite, runs));
            }
            calibration.add(line.substring(0, line.length() - 1));
        }
        AlgorithmReport report = new AlgorithmReport(header + String.format(Locale.ROOT,
                "total run time: %.0f s%n", (System.nanoTime() - started) / 1e9), plan, variants, summaries,
                calibration);
        Path dir = Files.createDirectories(BenchContext.results().resolve("algorithms"));
        Files.writeString(dir.resolve("table.md"), report.markdown());
        Files.writeString(dir.resolve("table.csv"), report.csv());
        Files.writeString(dir.resolve("curves.csv"), report.curvesCsv());
        for (String suite : plan.suites()) {
            LearningCurves.write(dir.resolve("curves-" + suite + ".png"), suite, summaries);
        }
        System.out.print(report.markdown());
        return 0;
    }
}
