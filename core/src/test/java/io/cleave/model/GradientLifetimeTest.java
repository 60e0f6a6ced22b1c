package io.cleave.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import io.cleave.optim.Gradients;
import io.cleave.tokenizer.CharTokenizer;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Gradients do not depend on when the garbage collector runs: every array autograd keeps for the backward pass
 * must stay alive until the step's manager closes (DJL's {@code mul(Number)} frees its scalar too early).
 */
class GradientLifetimeTest {

    private static final CharTokenizer TOK = CharTokenizer.instance();
    private static final int[][] BATCH = {TOK.encode("Q: 2+3\n<calc>2+3</calc>"), TOK.encode("<answer>5</answer>")};

    @Test
    void gradientsAreTheSameWhenTheCollectorRunsBetweenForwardAndBackward() {
        try (Policy policy = Policy.initialize(ModelConfig.preset("tiny", TOK.vocabSize()), TOK, 3)) {
            Map<String, float[]> reference = gradients(policy, false);
            for (int round = 0; round < 4; round++) {
                Map<String, float[]> again = gradients(policy, true);
                for (String name : reference.keySet()) {
                    assertArrayEquals(reference.get(name), again.get(name), "round " + round + ": " + name);
                }
            }
        }
    }

    private static Map<String, float[]> gradients(Policy policy, boolean collectGarbage) {
        TorchRuntime.enableGrad();
        try (NDManager step = policy.manager().newSubManager();
                GradientCollector collector = TorchRuntime.engine().newGradientCollector()) {
            ScoreResult s = policy.score(step, BATCH, 0.7);
            NDArray loss = s.logProbs().mul(s.valid()).sum().neg();
            if (collectGarbage) {
                reuseFreedDirectMemory();
            }
            collector.backward(loss);
        }
        Map<String, float[]> out = new LinkedHashMap<>();
        try (NDManager scratch = policy.manager().newSubManager()) {
            policy.model().namedParameters().forEach((name, p) -> {
                NDArray g = p.getArray().getGradient();
                g.attach(scratch);
                out.put(name, g.toFloatArray());
            });
        }
        Gradients.zero(policy.parameters());
        return out;
    }

    /**
     * Lets the collector free unreachable direct buffers (their cleaner runs on its own thread), then fills fresh
     * buffers of small sizes with junk, so freed memory that autograd still reads holds junk.
     */
    private static void reuseFreedDirectMemory() {
        List<ByteBuffer> junk = new ArrayList<>();
        for (int round = 0; round < 5; round++) {
            System.gc();
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            for (int i = 0; i < 256; i++) {
                ByteBuffer b = ByteBuffer.allocateDirect(4 << (i % 4));
                while (b.remaining() >= 4) {
                    b.putFloat(1e30f);
                }
                junk.add(b);
            }
        }
    }
}
