package io.cleave.bench;

import com.google.gson.JsonObject;
import io.cleave.model.ModelConfig;
import io.cleave.model.Policy;
import io.cleave.model.io.ModelDirectory;
import io.cleave.tokenizer.CharTokenizer;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One preset's throughput figures, Cleave (DJL) and the PyTorch-eager reference measured on the same weights,
 * workload and thread count, each with its own measured matmul roofline.
 *
 * @param shape the workload
 * @param parameters model parameters
 * @param decodeFlopsPerToken forward FLOPs per decoded token with the KV cache, {@code 2 N_matmul + 4 L C t}
 *     at the mean context {@code t}
 * @param trainFlopsPerToken FLOPs per trained token ({@link TrainBench#flopsPerToken})
 * @param ours Cleave's figures
 * @param reference PyTorch eager's figures
 */
record PresetThroughput(BenchShape shape, long parameters, double decodeFlopsPerToken, double trainFlopsPerToken,
        Figures ours, Figures reference) {

    /**
     * Figures of one implementation.
     *
     * @param rooflineGflops float32 matmul 1024^3 GFLOP/s
     * @param decodeCached decode tokens/s with the KV cache
     * @param train training tokens/s (score, backward, clipping, AdamW)
     */
    record Figures(double rooflineGflops, double decodeCached, double train) {}

    /** Measures Cleave on a freshly initialised model of the preset, then the reference on the saved weights. */
    static PresetThroughput measure(BenchShape shape, String python, Path script) throws Exception {
        ModelConfig config = ModelConfig.preset(shape.preset(), CharTokenizer.instance().vocabSize());
        Path dir = Files.createTempDirectory("cleave-bench-model");
        Figures ours;
        try (Policy policy = Policy.initialize(config, CharTokenizer.instance(), 0)) {
            ModelDirectory.save(policy, dir, null);
            double roofline = MatmulRoofline.gflops(1024, 5);
            double cached = DecodeBench.cachedTokensPerSecond(policy, shape);
            double train = TrainBench.tokensPerSecond(policy, shape);
            ours = new Figures(roofline, cached, train);
        }
        JsonObject ref = PythonReference.run(python, script, dir, shape);
        Figures theirs = new Figures(ref.get("matmul_gflops").getAsDouble(), ref.get("decode_cached_tps").getAsDouble(),
                ref.get("train_tps").getAsDouble());
        double context = shape.promptLength() + shape.newTokens() / 2.0;
        double decodeFlops = TrainBench.flopsPerToken(config, 0) / 3 + 4.0 * config.numHiddenLayers()
                * config.hiddenSize() * context;
        return new PresetThroughput(shape, config.parameterCount(), decodeFlops,
                TrainBench.flopsPerToken(config, shape.trainLength()), ours, theirs);
    }
}
