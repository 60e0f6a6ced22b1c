package io.cleave.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import io.cleave.optim.AdamW;
import io.cleave.optim.AdamWConfig;
import io.cleave.optim.Gradients;
import io.cleave.tokenizer.CharTokenizer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The differentiable scoring path: gradients against finite differences, and memory across many steps. */
class TrainingPathTest {

    private static final CharTokenizer TOK = CharTokenizer.instance();
    private static final int[][] BATCH = {TOK.encode("<calc>7*6</calc><result>42</result>"), TOK.encode("ab")};

    @Test
    void scoreGradientsMatchCentralFiniteDifferences() {
        try (Policy policy = Policy.initialize(ModelConfig.preset("tiny", TOK.vocabSize()), TOK, 21)) {
            var weights = policy.weights();
            weights.replaceAll((n, v) -> {
                float[] s = v.clone();
                for (int i = 0; i < s.length; i++) {
                    s[i] *= n.endsWith("norm.weight") ? 1 : 10;
                }
                return s;
            });
            policy.loadWeights(weights);
            String[] names = {"model.embed_tokens.weight", "model.layers.0.self_attn.q_proj.weight",
                    "model.layers.1.mlp.down_proj.weight", "model.layers.0.input_layernorm.weight"};
            int[] entries = {TOK.encode("4")[0] * 64 + 3, 100, 37, 5};
            float[] analytic = new float[names.length];
            try (NDManager step = policy.manager().newSubManager();
                    GradientCollector gc = TorchRuntime.engine().newGradientCollector()) {
                gc.backward(loss(policy, step));
                for (int i = 0; i < names.length; i++) {
                    analytic[i] = policy.model().namedParameters().get(names[i]).getArray().getGradient()
                            .toFloatArray()[entries[i]];
                }
            }
            TorchRuntime.disableGrad();
            for (int i = 0; i < names.length; i++) {
                NDArray w = policy.model().namedParameters().get(names[i]).getArray();
                float[] values = w.toFloatArray();
                float original = values[entries[i]];
                float eps = 1e-2f;
                values[entries[i]] = original + eps;
                w.set(values);
                double plus = lossValue(policy);
                values[entries[i]] = original - eps;
                w.set(values);
                double minus = lossValue(policy);
                values[entries[i]] = original;
                w.set(values);
                double numeric = (plus - minus) / (2 * eps);
                assertTrue(Math.abs(analytic[i]) > 1e-3, names[i] + " gradient should be non-trivial");
                assertEquals(numeric, analytic[i], 2e-3 + 0.03 * Math.abs(numeric), names[i]);
            }
            TorchRuntime.enableGrad();
        }
    }

    @Test
    void nativeMemoryAndManagedArraysDoNotGrowAcrossSteps() throws IOException {
        try (Policy policy = Policy.initialize(ModelConfig.preset("tiny", TOK.vocabSize()), TOK, 2);
                AdamW adam = new AdamW(policy.model().namedParameters(), AdamWConfig.DEFAULT)) {
            List<Parameter> params = policy.parameters();
            GenerationConfig gen = new GenerationConfig(SamplingConfig.DEFAULT, 12, List.of(), Set.of(), 1);
            long earlyMinKb = Long.MAX_VALUE;
            long lateMinKb = Long.MAX_VALUE;
            int arraysAfterWarmup = 0;
            for (int i = 0; i < 200; i++) {
                TorchRuntime.enableGrad();
                try (NDManager step = policy.manager().newSubManager();
                        GradientCollector gc = TorchRuntime.engine().newGradientCollector()) {
                    gc.backward(loss(policy, step));
                }
                Gradients.clipGlobalNorm(params, 1.0);
                adam.step(1e-3);
                Generator.generate(policy, List.of(TOK.encode("Q: "), TOK.encode("hi")), gen);
                if (i == 19) {
                    arraysAfterWarmup = policy.manager().getManagedArrays().size();
                }
                if (i >= 20 && i < 40 && i % 4 == 0) {
                    earlyMinKb = Math.min(earlyMinKb, residentKb());
                }
                if (i >= 180 && i % 4 == 0) {
                    lateMinKb = Math.min(lateMinKb, residentKb());
                }
            }
            assertEquals(arraysAfterWarmup, policy.manager().getManagedArrays().size(), "arrays held by the policy");
            long growthKb = lateMinKb - earlyMinKb;
            // A leak of one tiny-model-sized array per step would add ~50 MB over these 160 steps.
            assertTrue(growthKb < 30_000, "resident memory grew by " + growthKb + " KiB over 160 steps");
        }
    }

    private static NDArray loss(Policy policy, NDManager step) {
        ScoreResult s = policy.score(step, BATCH, 1.0);
        return s.logProbs().mul(s.valid()).sum().neg().div(s.valid().sum());
    }

    private static double lossValue(Policy policy) {
        try (NDManager step = policy.manager().newSubManager()) {
            return loss(policy, step).getFloat();
        }
    }

    /** Resident set size after a full GC, so that Java heap growth does not count as native growth. */
    private static long residentKb() throws IOException {
        System.gc();
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        throw new IllegalStateException("no VmRSS in /proc/self/status");
    }
}
