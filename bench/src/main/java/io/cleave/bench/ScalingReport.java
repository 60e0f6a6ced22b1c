package io.cleave.bench;

import java.util.List;
import java.util.Locale;

/**
 * The scaling report: measurements with the time per sampled token, the 2-executor speed-up against the
 * batch-split bound, the fitted cost model, and its projection for GPU executors with the stated assumptions.
 *
 * @param header report header (command, date, load)
 * @param model the model rolled out (fresh weights of a preset, or a directory)
 * @param iterations iterations per configuration (first not counted)
 * @param points every measured configuration
 * @param base the 2-executor base configuration (8 prompts, M 8)
 * @param cost the fitted cost model
 * @param bounds the batch-split speed-up bounds measured in-process, one per compared prompt batch
 */
record ScalingReport(String header, String model, int iterations, List<ScalingPoint> points, ScalingPoint base,
        CostModel cost, List<BatchSplitBound> bounds) {

    /** Projected model sizes (parameters). */
    static final double[] SIZES = {25e6, 100e6, 350e6, 1e9};

    /** Projected GPU executor counts. */
    static final int[] EXECUTORS = {1, 2, 4, 8, 16};

    /** The Markdown report. */
    String markdown() {
        StringBuilder out = new StringBuilder(header);
        out.append(String.format(Locale.ROOT, "%nConfig: the demo's GPG settings (arith, marker segmentation, "
                + "boundary beaming N 4, up to %d new tokens, driver update) with the model %s (fresh weights sample "
                + "until the limit: equal lengths, no tool calls); "
                + "`local-cluster` with single-core executors (2 GB each); %d iterations per configuration, the first "
                + "(executor start-up, native library load, JIT) not counted; means over the rest. The executors "
                + "share the machine's cores with the driver; the load average at the start is in the header.%n%n",
                ScalingCommand.MAX_NEW_TOKENS, model, iterations));
        out.append("| sweep | executors | prompts | M | sampled tokens | iteration s | rollout s | rollout compute s "
                + "| rest s | outside compute | rollout ms/token | iteration ms/token |\n|---|" + "---:|".repeat(11)
                + "\n");
        for (ScalingPoint p : points) {
            out.append(String.format(Locale.ROOT, "| %s | %d | %d | %d | %.0f | %.2f | %.2f | %.2f | %.2f | %.1f%% | "
                    + "%.2f | %.2f |%n", p.sweep(), p.executors(), p.prompts(), p.budget(), p.sampledTokens(),
                    p.iterationSeconds(), p.rolloutSeconds(), p.rolloutComputeSeconds(), p.restSeconds(),
                    100 * p.outsideShare(), 1000 * p.rolloutSeconds() / p.sampledTokens(),
                    1000 * p.iterationSeconds() / p.sampledTokens()));
        }
        out.append("\n## Two executors\n\n| prompts | M | rollout s, 1 executor | rollout s, 2 executors | rollout "
                + "speed-up | rollout compute speed-up | iteration speed-up | per-token rollout speed-up |\n|"
                + "---:|".repeat(8) + "\n");
        for (ScalingPoint one : points) {
            ScalingPoint two = splitPartner(one);
            if (two == null) {
                continue;
            }
            out.append(String.format(Locale.ROOT, "| %d | %d | %.2f | %.2f | %.2fx | %.2fx | %.2fx | %.2fx |%n",
                    one.prompts(), one.budget(), one.rolloutSeconds(), two.rolloutSeconds(),
                    one.rolloutSeconds() / two.rolloutSeconds(),
                    one.rolloutComputeSeconds() / two.rolloutComputeSeconds(),
                    one.iterationSeconds() / two.iterationSeconds(),
                    (one.rolloutSeconds() / one.sampledTokens()) / (two.rolloutSeconds() / two.sampledTokens())));
        }
        out.append("\nTargets: rollout speed-up >= 1.7x with 2 single-core executors against 1 (issue 5: >= 1.6x); the "
                + "share of the iteration outside rollout and gradient compute (`outside compute` above: scheduling, "
                + "broadcast, Spark SQL, serialization, Parquet) <= 15%. The per-token figure corrects for the runs "
                + "sampling different numbers of tokens.\n\n");
        out.append("In one process without Spark (model " + model + ", one intra-op thread per decode, 128 new tokens, "
                + "best of 3): all rows on one thread; half the rows alone; two halves at once on two threads with "
                + "their own model copy (as two executors would). The batch-split bound (all / half) is what halving "
                + "the batch can give on idle cores; the side-by-side bound (all / two halves at once) adds what two "
                + "single-core executors lose to each other on this machine as loaded now, before any Spark cost.\n\n"
                + "| rows | all rows s | half s | two halves at once s | batch-split bound | side-by-side bound |\n|"
                + "---:|".repeat(6) + "\n");
        for (BatchSplitBound b : bounds) {
            out.append(String.format(Locale.ROOT, "| %d | %.2f | %.2f | %.2f | %.2fx | %.2fx |%n", b.rows(),
                    b.fullSeconds(), b.halfSeconds(), b.sideBySideSeconds(), b.batchBound(), b.sideBySideBound()));
        }
        out.append('\n');
        out.append("Causes checked: (1) batch efficiency: the batch-split bound above; (2) cores: the side-by-side "
                + "bound above, against the load average in the header (the driver is idle while executors decode, "
                + "but other processes are not); (3) intra-op threads: executors now set PyTorch to "
                + "`spark.task.cpus` threads (`ExecutorThreads`, production code) unless `ai.djl.pytorch.num_threads` "
                + "is set; before, each executor JVM started one thread per machine core, so two executors ran 4 "
                + "compute threads on 2 cores (this benchmark no longer sets the property, so it relies on the fix); "
                + "(4) warm-up: the first iteration (JVM start, native load, JIT, first weights load) is not "
                + "counted; the per-iteration weights load stays in the rollout phase of every executor; "
                + "(5) imbalance: each partition's batch waits for its longest trajectory, visible as rollout "
                + "compute on the critical path above the side-by-side figure.\n\n");
        out.append(String.format(Locale.ROOT, "## Cost model (least squares over the %d points)%n%n", points.size()));
        out.append(String.format(Locale.ROOT, "- rollout_s = %.3f + %.3f ms x sampled_tokens / executors (r2 %.3f)%n",
                cost.rollout().intercept(), 1000 * cost.rollout().slope(), cost.rollout().r2()));
        out.append(String.format(Locale.ROOT, "- rest_s = %.3f + %.3f ms x sampled_tokens (r2 %.3f): advantages "
                + "(Spark SQL), driver update, Parquet, scheduling%n", cost.rest().intercept(),
                1000 * cost.rest().slope(), cost.rest().r2()));
        out.append(String.format(Locale.ROOT, "- weights broadcast per iteration here: %.1f MB (float32)%n%n",
                base.broadcastBytes() / 1e6));
        CostModel.Assumptions a = CostModel.Assumptions.defaults();
        out.append(String.format(Locale.ROOT, "## Projection: iteration seconds for N GPU executors%n%n"
                + "Assumptions (stated, not measured here): %.0f sampled tokens per iteration (this base config); "
                + "decode at %.0f TFLOP/s effective per GPU (2 p FLOPs per token); training at %.0f TFLOP/s "
                + "effective per GPU (6 p FLOPs per token), data-parallel gradients; float32 weights broadcast once "
                + "per iteration (4 p bytes) and one float32 gradient sum per executor into the driver (4 p N "
                + "bytes) at %.2f GB/s; the fixed overheads fitted above (%.2f s rollout, %.2f s rest) stay as "
                + "measured on this CPU driver. Not modelled: KV-cache memory limits, pipeline or tensor "
                + "parallelism, stragglers, tool latency.%n%n", base.sampledTokens(), a.decodeFlops() / 1e12,
                a.trainFlops() / 1e12, a.bandwidth() / 1e9, Math.max(0, cost.rollout().intercept()),
                Math.max(0, cost.rest().intercept())));
        out.append("| parameters |");
        for (int n : EXECUTORS) {
            out.append(" N = ").append(n).append(" |");
        }
        out.append(" N = 8: rollout / update / broadcast / gradients / fixed |\n|---|");
        out.append("---:|".repeat(EXECUTORS.length)).append("---|\n");
        for (double size : SIZES) {
            out.append(String.format(Locale.ROOT, "| %s |", size >= 1e9 ? "1B" : (long) (size / 1e6) + "M"));
            for (int n : EXECUTORS) {
                out.append(String.format(Locale.ROOT, " %.2f |", cost.project(n, size, base.sampledTokens(), a).total()));
            }
            CostModel.Projection p8 = cost.project(8, size, base.sampledTokens(), a);
            out.append(String.format(Locale.ROOT, " %.2f / %.3f / %.2f / %.2f / %.2f |%n", p8.rollout(), p8.update(),
                    p8.broadcast(), p8.gradients(), p8.fixed()));
        }
        out.append("\nAt 1B parameters the gradient traffic into the driver (N x 4 GB per iteration) dominates "
                + "from a few executors on: beyond that point a tree or ring all-reduce, or bf16 gradients, is needed "
                + "before adding executors helps.\n");
        return out.toString();
    }

    /** The 2-executor point of the executors sweep matching a 1-executor one, or null. */
    private ScalingPoint splitPartner(ScalingPoint one) {
        if (!one.sweep().equals("executors") || one.executors() != 1) {
            return null;
        }
        return points.stream().filter(p -> p.sweep().equals("executors") && p.executors() == 2
                && p.prompts() == one.prompts() && p.budget() == one.budget()).findFirst().orElse(null);
    }

    /** The measurements as CSV. */
    String measurementsCsv() {
        StringBuilder out = new StringBuilder("sweep,executors,prompts,budget_m,sampled_tokens,iteration_s,rollout_s,"
                + "rollout_compute_s,rest_s,update_s,broadcast_bytes,rollout_ms_per_token,iteration_ms_per_token\n");
        for (ScalingPoint p : points) {
            out.append(String.format(Locale.ROOT, "%s,%d,%d,%d,%.1f,%.4f,%.4f,%.4f,%.4f,%.4f,%.0f,%.4f,%.4f%n",
                    p.sweep(), p.executors(), p.prompts(), p.budget(), p.sampledTokens(), p.iterationSeconds(),
                    p.rolloutSeconds(), p.rolloutComputeSeconds(), p.restSeconds(), p.updateSeconds(),
                    p.broadcastBytes(), 1000 * p.rolloutSeconds() / p.sampledTokens(),
                    1000 * p.iterationSeconds() / p.sampledTokens()));
        }
        return out.toString();
    }

    /** The projection as CSV (one row per model size and executor count). */
    String projectionCsv() {
        CostModel.Assumptions a = CostModel.Assumptions.defaults();
        StringBuilder out = new StringBuilder("parameters,gpu_executors,tokens_per_iteration,rollout_s,update_s,"
                + "broadcast_s,gradients_s,fixed_s,iteration_s\n");
        for (double size : SIZES) {
            for (int n : EXECUTORS) {
                CostModel.Projection p = cost.project(n, size, base.sampledTokens(), a);
                out.append(String.format(Locale.ROOT, "%.0f,%d,%.0f,%.4f,%.4f,%.4f,%.4f,%.4f,%.4f%n", size, n,
                        base.sampledTokens(), p.rollout(), p.update(), p.broadcast(), p.gradients(), p.fixed(),
                        p.total()));
            }
        }
        return out.toString();
    }
}
