package io.cleave.train.sft;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import io.cleave.model.ModelConfig;
import io.cleave.model.Policy;
import io.cleave.model.ScoreResult;
import io.cleave.model.TorchRuntime;
import io.cleave.optim.Gradients;
import io.cleave.tokenizer.CharTokenizer;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The masked loss against a hand computation from {@link Policy#score}. */
class SftLossTest {

    private static final CharTokenizer TOK = CharTokenizer.instance();
    private static final ModelConfig TINY = ModelConfig.preset("tiny", TOK.vocabSize());

    private static final SftExample TOOL_CALL = SftExample.builder(TOK).context("Q: 7*6\n")
            .target("<calc>7*6</calc>").context("<result>42</result>").target("<answer>42</answer>")
            .targetEndOfText().build();
    /** Ends in a non-target token, shorter than {@link #TOOL_CALL} (so the batch is padded). */
    private static final SftExample ENDS_IN_CONTEXT = SftExample.builder(TOK).context("Hi ").target("there")
            .context("!?").build();

    @Test
    void lossIsTheMeanNegativeLogProbOfTargetTokensOnly() {
        List<SftExample> batch = List.of(TOOL_CALL, ENDS_IN_CONTEXT);
        try (Policy policy = Policy.initialize(TINY, TOK, 4)) {
            TorchRuntime.disableGrad();
            double sum = 0;
            int count = 0;
            double allSum = 0;
            int allCount = 0;
            try (NDManager step = policy.manager().newSubManager()) {
                ScoreResult s = policy.score(step, new int[][] {TOOL_CALL.tokens(), ENDS_IN_CONTEXT.tokens()}, 1.0);
                float[] logp = s.logProbs().toFloatArray();
                int width = (int) s.logProbs().getShape().get(1);
                for (int b = 0; b < batch.size(); b++) {
                    boolean[] mask = batch.get(b).lossMask();
                    for (int t = 1; t < mask.length; t++) {
                        double value = logp[b * width + t - 1];
                        allSum -= value;
                        allCount++;
                        if (mask[t]) {
                            sum -= value;
                            count++;
                        }
                    }
                }
            }
            double expected = sum / count;
            assertEquals(16 + 19 + 1 + 5, count, "targets: calc, answer, end of text, 'there'");
            assertEquals(count, SftLoss.targetCount(batch));
            double loss = lossValue(policy, batch);
            assertEquals(expected, loss, 1e-5 * Math.abs(expected));
            assertTrue(Math.abs(allSum / allCount - loss) > 1e-3,
                    "the unmasked mean differs, so the mask matters: " + allSum / allCount + " vs " + loss);
            TorchRuntime.enableGrad();
        }
    }

    @Test
    void aNonTargetTokenContributesNoLogProbOfItsOwn() {
        int[] tokens = ENDS_IN_CONTEXT.tokens().clone();
        boolean[] mask = ENDS_IN_CONTEXT.lossMask();
        int last = tokens.length - 1;
        assertTrue(!mask[last]);
        try (Policy policy = Policy.initialize(TINY, TOK, 4)) {
            double before = lossValue(policy, List.of(ENDS_IN_CONTEXT));
            tokens[last] = TOK.encode("#")[0];
            double changedContext = lossValue(policy, List.of(new SftExample(tokens, mask)));
            assertEquals(before, changedContext, 0.0, "the last token is no target and conditions nothing");

            boolean[] targetLast = mask.clone();
            targetLast[last] = true;
            double asTarget = lossValue(policy, List.of(new SftExample(tokens, targetLast)));
            assertTrue(Math.abs(asTarget - before) > 1e-4, "once it is a target it counts: " + asTarget);

            int[] middleChanged = ENDS_IN_CONTEXT.tokens().clone();
            middleChanged[1] = TOK.encode("o")[0];
            double conditioned = lossValue(policy, List.of(new SftExample(middleChanged, mask)));
            assertTrue(Math.abs(conditioned - before) > 1e-5,
                    "a non-target token still conditions the targets after it");
        }
    }

    @Test
    void gradientsDoNotDependOnWhenTheGarbageCollectorRuns() {
        List<SftExample> batch = List.of(TOOL_CALL, ENDS_IN_CONTEXT);
        try (Policy policy = Policy.initialize(TINY, TOK, 5)) {
            float[] reference = embeddingGradient(policy, batch, false);
            for (int round = 0; round < 3; round++) {
                assertArrayEquals(reference, embeddingGradient(policy, batch, true), "round " + round);
            }
        }
    }

    private static double lossValue(Policy policy, List<SftExample> batch) {
        TorchRuntime.disableGrad();
        try (NDManager step = policy.manager().newSubManager()) {
            return SftLoss.mean(policy, step, batch).getFloat();
        } finally {
            TorchRuntime.enableGrad();
        }
    }

    private static float[] embeddingGradient(Policy policy, List<SftExample> batch, boolean collectGarbage) {
        TorchRuntime.enableGrad();
        try (NDManager step = policy.manager().newSubManager();
                GradientCollector collector = TorchRuntime.engine().newGradientCollector()) {
            NDArray loss = SftLoss.mean(policy, step, batch);
            if (collectGarbage) {
                reuseFreedDirectMemory();
            }
            collector.backward(loss);
            NDArray g = policy.model().namedParameters().get("model.embed_tokens.weight").getArray().getGradient();
            g.attach(step);
            float[] out = g.toFloatArray();
            Gradients.zero(policy.parameters());
            return out;
        }
    }

    /**
     * Lets the collector free unreachable direct buffers (their cleaner runs on its own thread), then fills fresh
     * buffers of small sizes with junk, so a freed scalar that autograd still reads holds junk.
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
