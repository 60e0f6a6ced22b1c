package io.cleave.bench;

import io.cleave.model.GenerationConfig;
import io.cleave.model.Generator;
import io.cleave.model.Policy;
import io.cleave.model.SamplingConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Decode throughput with the KV cache ({@link Generator}). */
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

    private static List<int[]> prompts(BenchShape shape) {
        List<int[]> prompts = new ArrayList<>();
        for (int b = 0; b < shape.batch(); b++) {
            prompts.add(BenchShape.sequence(b, shape.promptLength()));
        }
        return prompts;
    }
}
