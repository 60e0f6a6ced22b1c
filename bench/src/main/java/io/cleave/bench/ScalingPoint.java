package io.cleave.bench;

import io.cleave.train.metrics.IterationMetrics;
import io.cleave.train.metrics.MetricsJsonl;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * One measured configuration of the scaling benchmark: mean per-iteration figures of a training run, the first
 * iteration (executor start-up, native library loading, JIT) not counted.
 *
 * @param sweep which sweep the point belongs to ({@code executors}, {@code prompts}, {@code budget})
 * @param executors single-core executors
 * @param prompts prompts per iteration
 * @param budget beaming budget M (leaves per prompt; N = 4)
 * @param iterationSeconds whole iteration
 * @param rolloutSeconds rollout phase (broadcast fetch, decode, tools, summaries collected)
 * @param rolloutComputeSeconds rollout compute on the critical path (slowest executor's partitions)
 * @param updateSeconds policy update on the driver
 * @param sampledTokens policy tokens sampled per iteration
 * @param broadcastBytes bytes of the weights broadcast per iteration
 */
record ScalingPoint(String sweep, int executors, int prompts, int budget, double iterationSeconds,
        double rolloutSeconds, double rolloutComputeSeconds, double updateSeconds, double sampledTokens,
        double broadcastBytes) {

    /** Means over the rows of {@code metrics.jsonl} after the first. */
    static ScalingPoint of(String sweep, int executors, int prompts, int budget, Path metrics) throws IOException {
        List<IterationMetrics> rows = MetricsJsonl.read(metrics);
        if (rows.size() < 2) {
            throw new IllegalStateException(metrics + " has " + rows.size() + " rows; need >= 2 (first not counted)");
        }
        List<IterationMetrics> counted = rows.subList(1, rows.size());
        return new ScalingPoint(sweep, executors, prompts, budget, mean(counted, m -> m.times().iterationSeconds()),
                mean(counted, m -> m.times().rolloutSeconds()), mean(counted, m -> m.times().rolloutComputeSeconds()),
                mean(counted, m -> m.times().updateSeconds()), mean(counted, m -> m.rollout().sampledTokens()),
                mean(counted, m -> m.executors().broadcastBytes()));
    }

    private static double mean(List<IterationMetrics> rows, ToDoubleFunction<IterationMetrics> metric) {
        return rows.stream().mapToDouble(metric).sum() / rows.size();
    }

    /** Iteration time outside the rollout phase (advantages, update, checkpoint, scheduling). */
    double restSeconds() {
        return iterationSeconds - rolloutSeconds;
    }

    /**
     * The share of the iteration outside rollout and gradient compute (scheduling, broadcast, Spark SQL,
     * serialization, Parquet): {@code (iteration - rollout compute - update) / iteration}.
     */
    double outsideShare() {
        return (iterationSeconds - rolloutComputeSeconds - updateSeconds) / iterationSeconds;
    }
}
