package io.cleave.bench;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

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
        List<String> lines = Files.readAllLines(metrics).stream().filter(l -> !l.isBlank()).toList();
        if (lines.size() < 2) {
            throw new IllegalStateException(metrics + " has " + lines.size() + " rows; need >= 2 (first not counted)");
        }
        double[] sum = new double[6];
        for (String line : lines.subList(1, lines.size())) {
            JsonObject row = JsonParser.parseString(line).getAsJsonObject();
            sum[0] += row.get("iteration_seconds").getAsDouble();
            sum[1] += row.get("rollout_seconds").getAsDouble();
            sum[2] += row.get("rollout_compute_seconds").getAsDouble();
            sum[3] += row.get("update_seconds").getAsDouble();
            sum[4] += row.get("sampled_tokens").getAsDouble();
            sum[5] += row.get("broadcast_bytes").getAsDouble();
        }
        int n = lines.size() - 1;
        return new ScalingPoint(sweep, executors, prompts, budget, sum[0] / n, sum[1] / n, sum[2] / n, sum[3] / n,
                sum[4] / n, sum[5] / n);
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
