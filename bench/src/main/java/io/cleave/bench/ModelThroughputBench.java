package io.cleave.bench;

import com.google.gson.JsonObject;
import io.cleave.model.ModelConfig;
import io.cleave.model.Policy;
import io.cleave.model.io.ModelDirectory;
import io.cleave.tokenizer.CharTokenizer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Model throughput benchmark: decode tokens/s with the KV cache and by recomputation, training tokens/s, the
 * measured matmul roofline, and the same loops in PyTorch eager, all in one run with one thread count.
 *
 * <p>Usage: {@code ModelThroughputBench PRESET BATCH PROMPT_LEN NEW_TOKENS TRAIN_BATCH TRAIN_LEN TRAIN_STEPS
 * THREADS PYTHON SCRIPT}. {@code bench/model-throughput.sh} runs it with the committed settings.
 */
public final class ModelThroughputBench {

    private ModelThroughputBench() {}

    /** Runs the benchmark and prints a report. */
    public static void main(String[] args) throws Exception {
        BenchShape shape = new BenchShape(args[0], Integer.parseInt(args[1]), Integer.parseInt(args[2]),
                Integer.parseInt(args[3]), Integer.parseInt(args[4]), Integer.parseInt(args[5]),
                Integer.parseInt(args[6]), Integer.parseInt(args[7]));
        String loadAtStart = Files.readString(Path.of("/proc/loadavg")).trim();
        System.setProperty("ai.djl.pytorch.num_threads", "" + shape.threads());
        System.setProperty("ai.djl.pytorch.num_interop_threads", "1");
        ModelConfig config = ModelConfig.preset(shape.preset(), CharTokenizer.instance().vocabSize());
        Path dir = Files.createTempDirectory("cleave-bench-model");
        double roofline;
        double cached;
        double recompute;
        double train;
        try (Policy policy = Policy.initialize(config, CharTokenizer.instance(), 0)) {
            ModelDirectory.save(policy, dir, null);
            roofline = MatmulRoofline.gflops(1024, 5);
            cached = DecodeBench.cachedTokensPerSecond(policy, shape);
            recompute = DecodeBench.recomputeTokensPerSecond(policy, shape);
            train = TrainBench.tokensPerSecond(policy, shape);
        }
        JsonObject ref = PythonReference.run(args[8], Path.of(args[9]), dir, shape);
        double flops = TrainBench.flopsPerToken(config, shape.trainLength());
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "Cleave model throughput: preset %s (%,d parameters), %d threads%n",
                shape.preset(), config.parameterCount(), shape.threads()));
        out.append(String.format(Locale.ROOT, "decode: batch %d, prompt %d, %d new tokens; train: batch %d x %d tokens,"
                + " %d steps%n", shape.batch(), shape.promptLength(), shape.newTokens(), shape.trainBatch(),
                shape.trainLength(), shape.trainSteps()));
        out.append(String.format(Locale.ROOT, "reference: PyTorch %s eager, %s threads; load average at start %s%n%n",
                ref.get("torch").getAsString(), ref.get("threads").getAsString(), loadAtStart));
        out.append(String.format(Locale.ROOT, "%-28s %14s %14s %8s%n", "measure", "Cleave (DJL)", "PyTorch eager",
                "ratio"));
        row(out, "matmul 1024^3 GFLOP/s", roofline, ref.get("matmul_gflops").getAsDouble());
        row(out, "decode tokens/s (KV cache)", cached, ref.get("decode_cached_tps").getAsDouble());
        row(out, "decode tokens/s (recompute)", recompute, ref.get("decode_recompute_tps").getAsDouble());
        row(out, "train tokens/s", train, ref.get("train_tps").getAsDouble());
        out.append(String.format(Locale.ROOT, "%nKV cache speed-up over recompute: Cleave %.1fx, PyTorch %.1fx (target >= 5x)%n",
                cached / recompute, ref.get("decode_cached_tps").getAsDouble()
                        / ref.get("decode_recompute_tps").getAsDouble()));
        out.append(String.format(Locale.ROOT, "training model FLOP/s: %.1f GFLOP/s = %.0f%% of the measured matmul "
                + "roofline (%.1f GFLOP/s); PyTorch: %.0f%%%n", train * flops / 1e9, 100 * train * flops / 1e9 / roofline,
                roofline, 100 * ref.get("train_tps").getAsDouble() * flops / 1e9 / ref.get("matmul_gflops").getAsDouble()));
        out.append(String.format(Locale.ROOT, "targets: decode and training >= 0.8x PyTorch eager%n"));
        System.out.print(out);
    }

    private static void row(StringBuilder out, String name, double ours, double theirs) {
        out.append(String.format(Locale.ROOT, "%-28s %14.1f %14.1f %7.2fx%n", name, ours, theirs, ours / theirs));
    }
}
