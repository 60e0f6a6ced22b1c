package io.cleave.rollout.engine;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import io.cleave.env.demo.Demonstration;
import io.cleave.env.demo.ExpertNoise;
import io.cleave.env.protocol.EnvLimits;
import io.cleave.env.protocol.Span;
import io.cleave.env.protocol.ToolEnvironment;
import io.cleave.env.tasks.Split;
import io.cleave.env.tasks.Task;
import io.cleave.env.tasks.arith.ArithConfig;
import io.cleave.env.tasks.arith.ArithSuite;
import io.cleave.env.demo.ScriptedExpert;
import io.cleave.model.ModelConfig;
import io.cleave.model.Policy;
import io.cleave.model.ScoreResult;
import io.cleave.model.TorchRuntime;
import io.cleave.optim.AdamW;
import io.cleave.optim.AdamWConfig;
import io.cleave.optim.Gradients;
import io.cleave.tokenizer.CharTokenizer;
import io.cleave.model.io.ModelDirectory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A tiny policy warm-started on noisy expert demonstrations of one-step arithmetic, so that its samples contain
 * tool calls (test fixture for rollout and beaming; trained once per JVM in a few seconds).
 */
final class TinyAgent {

    static final ArithSuite SUITE = new ArithSuite(new ArithConfig(1, ArithConfig.defaults().testFraction()));
    private static Policy policy;

    private TinyAgent() {}

    /** Where the trained fixture is kept between test JVMs of one build (delete it to retrain). */
    private static final Path CACHE = Path.of("target", "tiny-agent-v1");

    static synchronized Policy policy() {
        if (policy == null) {
            if (Files.exists(CACHE.resolve("config.json"))) {
                policy = ModelDirectory.load(CACHE);
            } else {
                policy = train();
                try {
                    ModelDirectory.save(policy, CACHE, null);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        return policy;
    }

    static ToolEnvironment environment() {
        return new ToolEnvironment(SUITE.tools(), EnvLimits.defaults());
    }

    static List<PromptSpec> prompts(int count, long seed) {
        List<PromptSpec> specs = new ArrayList<>();
        for (Task task : SUITE.tasks(Split.TRAIN, count, seed)) {
            specs.add(new PromptSpec(task.id(), CharTokenizer.instance().encode(task.prompt()), task));
        }
        return specs;
    }

    private static Policy train() {
        CharTokenizer tok = CharTokenizer.instance();
        List<int[]> sequences = new ArrayList<>();
        List<float[]> masks = new ArrayList<>();
        try (ToolEnvironment env = environment()) {
            ScriptedExpert expert = new ScriptedExpert(env, new ExpertNoise(0.15, 0.15, 0.15));
            long seed = 0;
            for (Task task : SUITE.tasks(Split.TRAIN, 256, 11)) {
                Demonstration demo = expert.demonstrate(task, seed++);
                int[] ids = tok.encode(demo.fullText());
                float[] mask = new float[ids.length - 1]; // mask[j]: predict token j + 1
                int offset = task.prompt().length();
                for (Span span : env.protocol().parser().parse(demo.trajectory()).spans()) {
                    for (int c = span.start(); span.fromPolicy() && c < span.end(); c++) {
                        mask[offset + c - 1] = 1f;
                    }
                }
                sequences.add(ids);
                masks.add(mask);
            }
        }
        Policy trained = Policy.initialize(ModelConfig.preset("tiny", tok.vocabSize()), tok, 1);
        try (AdamW adam = new AdamW(trained.model().namedParameters(), new AdamWConfig(3e-3, 0.9, 0.99, 1e-8, 0))) {
            for (int step = 0; step < 300; step++) {
                int[][] batch = new int[16][];
                float[][] maskBatch = new float[16][];
                for (int b = 0; b < 16; b++) {
                    int i = (step * 16 + b) % sequences.size();
                    batch[b] = sequences.get(i);
                    maskBatch[b] = masks.get(i);
                }
                TorchRuntime.enableGrad();
                try (NDManager m = trained.manager().newSubManager();
                        GradientCollector gc = TorchRuntime.engine().newGradientCollector()) {
                    ScoreResult s = trained.score(m, batch, 1.0);
                    NDArray mask = m.create(pad(maskBatch, (int) s.logProbs().getShape().get(1)),
                            s.logProbs().getShape());
                    gc.backward(s.logProbs().mul(mask).sum().neg().div(mask.sum()));
                }
                Gradients.clipGlobalNorm(trained.parameters(), 1.0);
                adam.step(3e-3);
            }
        }
        TorchRuntime.disableGrad();
        return trained;
    }

    private static float[] pad(float[][] rows, int width) {
        float[] out = new float[rows.length * width];
        for (int r = 0; r < rows.length; r++) {
            System.arraycopy(rows[r], 0, out, r * width, rows[r].length);
        }
        return out;
    }
}
