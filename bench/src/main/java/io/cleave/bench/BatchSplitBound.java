package io.cleave.bench;

import io.cleave.model.GenerationConfig;
import io.cleave.model.Generator;
import io.cleave.model.Policy;
import io.cleave.model.SamplingConfig;
import io.cleave.model.TorchRuntime;
import io.cleave.model.io.ModelDirectory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * What splitting one rollout batch over two single-core executors can give, measured in one process without Spark,
 * every decode on one intra-op thread: {@code fullSeconds} decodes all rows, {@code halfSeconds} half of them alone,
 * {@code sideBySideSeconds} two halves at once on two threads with their own copy of the model (as two executors
 * would). {@code full / half} bounds the speed-up by the batch efficiency (per-step costs that do not shrink with
 * the batch); {@code full / sideBySide} adds what the two cores lose to each other (shared caches and memory
 * bandwidth, other processes on the machine).
 *
 * @param rows rows of the whole batch
 * @param fullSeconds one thread decoding all rows
 * @param halfSeconds one thread decoding half the rows
 * @param sideBySideSeconds two threads each decoding half the rows at the same time (wall time)
 */
record BatchSplitBound(int rows, double fullSeconds, double halfSeconds, double sideBySideSeconds) {

    /** Measures the three times on the model in {@code modelDir} (best of 3 each, after a warm-up). */
    static BatchSplitBound measure(Path modelDir, int rows, int newTokens) throws Exception {
        int threads = TorchRuntime.intraOpThreads();
        TorchRuntime.setIntraOpThreads(1);
        GenerationConfig noStop = new GenerationConfig(SamplingConfig.DEFAULT, newTokens, List.of(), Set.of(), 0);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try (Policy a = ModelDirectory.load(modelDir); Policy b = ModelDirectory.load(modelDir)) {
            time(a, rows / 2, noStop);
            double full = Double.MAX_VALUE;
            double half = Double.MAX_VALUE;
            double sideBySide = Double.MAX_VALUE;
            for (int i = 0; i < 3; i++) {
                full = Math.min(full, time(a, rows, noStop));
                half = Math.min(half, time(a, rows / 2, noStop));
                long t0 = System.nanoTime();
                Future<Double> first = pool.submit(() -> time(a, rows / 2, noStop));
                Future<Double> second = pool.submit(() -> time(b, rows / 2, noStop));
                first.get();
                second.get();
                sideBySide = Math.min(sideBySide, (System.nanoTime() - t0) / 1e9);
            }
            return new BatchSplitBound(rows, full, half, sideBySide);
        } finally {
            pool.shutdown();
            TorchRuntime.setIntraOpThreads(threads);
        }
    }

    /** The speed-up bound from the batch efficiency alone: {@code fullSeconds / halfSeconds}. */
    double batchBound() {
        return fullSeconds / halfSeconds;
    }

    /** The speed-up bound with two halves decoded at once: {@code fullSeconds / sideBySideSeconds}. */
    double sideBySideBound() {
        return fullSeconds / sideBySideSeconds;
    }

    private static double time(Policy policy, int rows, GenerationConfig config) {
        TorchRuntime.disableGrad();
        List<int[]> prompts = new ArrayList<>();
        for (int b = 0; b < rows; b++) {
            prompts.add(BenchShape.sequence(b, 32));
        }
        long t0 = System.nanoTime();
        Generator.generate(policy, prompts, config);
        return (System.nanoTime() - t0) / 1e9;
    }
}
