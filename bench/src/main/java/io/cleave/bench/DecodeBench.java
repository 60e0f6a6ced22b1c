package io.cleave.bench;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import io.cleave.model.GenerationConfig;
import io.cleave.model.Generator;
import io.cleave.model.Policy;
import io.cleave.model.RowRandom;
import io.cleave.model.SamplingConfig;
import io.cleave.model.TorchRuntime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/** Decode throughput with the KV cache ({@link Generator}) and by recomputing the whole sequence each step. */
final class DecodeBench {

    private DecodeBench() {}

    /** Generated tokens per second with the cache (one warm-up run first). */
    static double cachedTokensPerSecond(Policy policy, BenchShape shape) {
        List<int[]> prompts = prompts(shape);
        GenerationConfig noStop = new GenerationConfig(SamplingConfig.DEFAULT, shape.newTokens(), List.of(),
                Set.of(), 0);
        Generator.generate(policy, prompts, noStop);
        long t0 = System.nanoTime();
        int produced = Generator.generate(policy, prompts, noStop).stream().mapToInt(g -> g.tokens().length).sum();
        return produced / ((System.nanoTime() - t0) / 1e9);
    }

    /** Generated tokens per second when every step re-runs the model over the whole sequence. */
    static double recomputeTokensPerSecond(Policy policy, BenchShape shape) {
        TorchRuntime.disableGrad();
        List<int[]> prompts = prompts(shape);
        int[][] rows = prompts.toArray(new int[0][]);
        RowRandom random = new RowRandom(0, rows.length);
        long t0 = System.nanoTime();
        for (int step = 0; step < shape.newTokens(); step++) {
            try (NDManager m = policy.manager().newSubManager()) {
                int t = rows[0].length;
                NDArray last = policy.logits(m, rows).get(":, " + (t - 1) + ", :"); // (B, V)
                NDArray probs = last.softmax(-1).cumSum(1);
                float[] cdf = probs.toFloatArray();
                float[] u = random.next();
                int vocab = (int) last.getShape().get(1);
                for (int b = 0; b < rows.length; b++) {
                    int token = 0;
                    while (token < vocab - 1 && cdf[b * vocab + token] < u[b] * cdf[b * vocab + vocab - 1]) {
                        token++;
                    }
                    rows[b] = Arrays.copyOf(rows[b], t + 1);
                    rows[b][t] = token;
                }
            }
        }
        return (double) rows.length * shape.newTokens() / ((System.nanoTime() - t0) / 1e9);
    }

    private static List<int[]> prompts(BenchShape shape) {
        List<int[]> prompts = new ArrayList<>();
        for (int b = 0; b < shape.batch(); b++) {
            prompts.add(BenchShape.sequence(b, shape.promptLength()));
        }
        return prompts;
    }
}
