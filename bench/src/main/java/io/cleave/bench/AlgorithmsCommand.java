package io.cleave.bench;

import io.cleave.model.TorchRuntime;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code cleave bench algorithms [--quick]}: every recipe variant trained from the same SFT checkpoint on
 * {@code arith} and {@code multihop} at the same rollout token budget, for the same iterations, over several seeds;
 * writes {@code bench/results/algorithms/} ({@code algorithms-quick/} with {@code --quick}): {@code table.md},
 * {@code table.csv}, {@code curves.csv} and {@code curves-SUITE.png}. Runs go one after another: DJL allows one
 * gradient collector per JVM.
 */
@Command(name = "algorithms", mixinStandardHelpOptions = true,
        description = "The algorithm table on arith and multihop -> bench/results/algorithms/")
final class AlgorithmsCommand implements Callable<Integer> {

    @Option(names = "--quick", description = "minutes, not an hour: the same warm starts (cached), 6 iterations of 4 prompts")
    boolean quick;

    @Option(names = "--seeds", defaultValue = "3", description = "seeds per recipe and suite (default: ${DEFAULT-VALUE})")
    int seeds;

    @Option(names = "--threads", defaultValue = "1",
            description = "intra-op threads of the runs (default: ${DEFAULT-VALUE}: the tiny model's ops are too small "
                    + "to split, and a second thread made its decoding 2.8x slower here)")
    int threads;

    @Override
    public Integer call() throws Exception {
        AlgorithmPlan plan = quick ? AlgorithmPlan.quick(seeds) : AlgorithmPlan.full(seeds);
        String header = BenchContext.header("./cleave bench algorithms" + (quick ? " --quick" : "")
                + (seeds == 3 ? "" : " --seeds " + seeds) + (threads == 1 ? "" : " --threads " + threads));
        List<AlgorithmVariant> variants = AlgorithmVariant.all(plan.maxNewTokens());
        long started = System.nanoTime();
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            pool.submit(() -> TorchRuntime.setIntraOpThreads(threads)).get();
            Map<String, Future<Path>> sft = new LinkedHashMap<>();
            for (String suite : plan.suites()) {
                sft.put(suite, pool.submit(() -> WarmStartCache.get(plan.setup(suite), plan.preset(),
                        plan.sftBatch())));
            }
            Map<String, AlgorithmRunner> runners = new LinkedHashMap<>();
            Map<String, List<Future<Double>>> perPrompt = new LinkedHashMap<>();
            for (String suite : plan.suites()) {
                AlgorithmRunner runner = new AlgorithmRunner(plan, sft.get(suite).get(), suite);
                runners.put(suite, runner);
                List<Future<Double>> calibrations = new ArrayList<>();
                Map<String, Future<Double>> byKey = new LinkedHashMap<>();
                for (AlgorithmVariant v : variants) {
                    calibrations.add(byKey.computeIfAbsent(v.samplingKey(),
                            k -> pool.submit(() -> runner.tokensPerPrompt(v))));
                }
                perPrompt.put(suite, calibrations);
            }
            List<String> calibration = new ArrayList<>();
            Map<String, List<Future<RunResult>>> runs = new LinkedHashMap<>();
            for (String suite : plan.suites()) {
                double budget = plan.basePrompts() * perPrompt.get(suite).get(0).get();
                StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%s: budget %.0f tokens per "
                        + "iteration; calibrated tokens per prompt -> prompts per iteration:", suite, budget));
                for (int i = 0; i < variants.size(); i++) {
                    AlgorithmVariant v = variants.get(i);
                    double tokens = perPrompt.get(suite).get(i).get();
                    int prompts = Math.max(1, (int) Math.round(budget / tokens));
                    line.append(String.format(Locale.ROOT, " %s %.0f -> %d;", v.name(), tokens, prompts));
                    List<Future<RunResult>> seedRuns = new ArrayList<>();
                    for (long seed = 0; seed < plan.seeds(); seed++) {
                        long s = seed;
                        seedRuns.add(pool.submit(() -> report(runners.get(suite).train(v, s, prompts), started)));
                    }
                    runs.put(suite + "/" + v.name(), seedRuns);
                }
                calibration.add(line.substring(0, line.length() - 1));
            }
            List<AlgorithmSummary> summaries = new ArrayList<>();
            for (String suite : plan.suites()) {
                for (AlgorithmVariant v : variants) {
                    List<RunResult> results = new ArrayList<>();
                    for (Future<RunResult> f : runs.get(suite + "/" + v.name())) {
                        results.add(f.get());
                    }
                    summaries.add(new AlgorithmSummary(v.name(), suite, results));
                }
            }
            write(new AlgorithmReport(header + String.format(Locale.ROOT, "total run time: %.0f s%n",
                    (System.nanoTime() - started) / 1e9), plan, variants, summaries, calibration));
        } finally {
            pool.shutdownNow();
        }
        return 0;
    }

    private static RunResult report(RunResult r, long started) {
        System.out.printf(Locale.ROOT, "%-18s %-9s seed %d: prompts %d, accuracy %.3f -> %.3f, %.0f tokens, %.1f s "
                + "(%.0f s elapsed)%n", r.variant(), r.suite(), r.seed(), r.prompts(), r.curve().get(0).accuracy(),
                r.last().accuracy(), r.last().sampledTokens(), r.trainSeconds(), (System.nanoTime() - started) / 1e9);
        return r;
    }

    private static void write(AlgorithmReport report) throws Exception {
        Path dir = Files.createDirectories(BenchContext.results().resolve(outputDirectory(report.plan().mode())));
        Files.writeString(dir.resolve("table.md"), report.markdown());
        Files.writeString(dir.resolve("table.csv"), report.csv());
        Files.writeString(dir.resolve("curves.csv"), report.curvesCsv());
        for (String suite : report.plan().suites()) {
            LearningCurves.write(dir.resolve("curves-" + suite + ".png"), suite, report.summaries());
        }
        System.out.print(report.markdown());
    }

    /** Where a mode's report goes under {@code bench/results/}: {@code algorithms} (full) or {@code algorithms-quick}. */
    static String outputDirectory(String mode) {
        return mode.equals("full") ? "algorithms" : "algorithms-" + mode;
    }
}
