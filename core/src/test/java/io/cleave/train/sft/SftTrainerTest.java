package io.cleave.train.sft;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cleave.model.Generation;
import io.cleave.model.GenerationConfig;
import io.cleave.model.Generator;
import io.cleave.model.ModelConfig;
import io.cleave.model.Policy;
import io.cleave.model.SamplingConfig;
import io.cleave.tokenizer.CharTokenizer;
import io.cleave.train.LearningRateSchedule;
import io.cleave.train.checkpoint.CheckpointStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Learning, checkpoints, bit-exact resume and error paths of the SFT trainer on the tiny model. */
class SftTrainerTest {

    private static final CharTokenizer TOK = CharTokenizer.instance();
    private static final ModelConfig TINY = ModelConfig.preset("tiny", TOK.vocabSize());
    private static final List<SftExample> PATTERNS = List.of(tagged("2+3", "5"), tagged("4*2", "8"));

    @TempDir
    Path dir;

    /** {@code Q: 2+3\n<calc>2+3</calc><result>5</result><answer>5</answer>}; prompt and result are context. */
    private static SftExample tagged(String question, String answer) {
        return SftExample.builder(TOK).context(prompt(question)).target("<calc>" + question + "</calc>")
                .context("<result>" + answer + "</result>").target("<answer>" + answer + "</answer>")
                .targetEndOfText().build();
    }

    private static String prompt(String question) {
        return "Q: " + question + "\n";
    }

    private static SftConfig config(int steps, double lr, int warmup) {
        return SftConfig.defaults().withSchedule(new LearningRateSchedule(LearningRateSchedule.Kind.COSINE, lr,
                warmup, steps, 0.1)).withBatchSize(2).withLogEvery(20);
    }

    @Test
    void learnsATaggedToolPatternAndReproducesItsPolicyPartGreedily() throws Exception {
        try (Policy policy = Policy.initialize(TINY, TOK, 11)) {
            List<SftProgress> progress = new ArrayList<>();
            SftResult result = new SftTrainer(policy, config(60, 1e-2, 4)).listener(progress::add).train(PATTERNS);

            assertEquals(60, progress.size());
            assertEquals(0, result.startStep());
            assertEquals(60, result.steps());
            assertEquals(Optional.empty(), result.finalCheckpoint());
            for (int i = 0; i < 60; i++) {
                assertEquals(i + 1, progress.get(i).step());
                assertEquals(progress.get(i).loss(), result.lossCurve()[i]);
            }
            assertEquals(result.lossCurve()[59], result.finalLoss());
            assertEquals(2 * PATTERNS.get(0).length(), progress.get(0).tokens());
            assertEquals(2 * PATTERNS.get(0).targetCount(), progress.get(0).targetTokens());
            assertEquals(1e-2 / 4, progress.get(0).learningRate(), 1e-15);
            assertTrue(result.tokensPerSecond() > 0);
            double first = mean(result.lossCurve(), 0, 5);
            double last = mean(result.lossCurve(), 55, 60);
            assertTrue(first > 3.5, "starts near ln(98): " + first);
            assertTrue(last < first / 20, "loss falls by more than 20x: " + first + " -> " + last);

            GenerationConfig untilCalc = greedy(List.of("</calc>"));
            GenerationConfig untilEnd = greedy(List.of());
            for (String[] qa : new String[][] {{"2+3", "5"}, {"4*2", "8"}}) {
                String call = "<calc>" + qa[0] + "</calc>";
                Generation calc = Generator.generate(policy, List.of(TOK.encode(prompt(qa[0]))), untilCalc).get(0);
                assertEquals(call, calc.text());
                String afterTool = prompt(qa[0]) + call + "<result>" + qa[1] + "</result>";
                Generation answer = Generator.generate(policy, List.of(TOK.encode(afterTool)), untilEnd).get(0);
                assertEquals("<answer>" + qa[1] + "</answer>", answer.text());
                assertEquals(Generation.StopReason.STOP_TOKEN, answer.stop());
            }
        }
    }

    @Test
    void resumeAfterACrashReachesTheUninterruptedWeightsBitForBit() throws Exception {
        List<SftExample> data = List.of(tagged("2+3", "5"), tagged("4*2", "8"), tagged("9-1", "8"));
        SftConfig config = config(6, 1e-2, 2).withCheckpointEvery(3);
        Map<String, float[]> uninterrupted;
        double[] fullCurve;
        try (Policy policy = Policy.initialize(TINY, TOK, 5)) {
            SftResult full = new SftTrainer(policy, config, CheckpointStore.at(dir.resolve("a"))).train(data);
            uninterrupted = policy.weights();
            fullCurve = full.lossCurve();
            assertEquals(Optional.of(dir.resolve("a/step-00000006")), full.finalCheckpoint());
        }

        CheckpointStore store = CheckpointStore.at(dir.resolve("b"));
        try (Policy policy = Policy.initialize(TINY, TOK, 5)) {
            List<Long> checkpointed = new ArrayList<>();
            SftListener crashAtStep5 = new SftListener() {
                @Override
                public void onStep(SftProgress p) {
                    if (p.step() == 5) {
                        throw new IllegalStateException("simulated crash");
                    }
                }

                @Override
                public void onCheckpoint(long step, Path directory) {
                    checkpointed.add(step);
                }
            };
            SftTrainer trainer = new SftTrainer(policy, config, store).listener(crashAtStep5);
            IllegalStateException crash = assertThrows(IllegalStateException.class, () -> trainer.train(data));
            assertEquals("simulated crash", crash.getMessage());
            assertEquals(List.of(3L), checkpointed);
        }
        assertEquals(Optional.of(dir.resolve("b/step-00000003")), store.latest());

        try (Policy policy = Policy.initialize(TINY, TOK, 99)) {
            SftResult resumed = new SftTrainer(policy, config, store).resume(data);
            assertEquals(3, resumed.startStep());
            assertArrayEquals(new double[] {fullCurve[3], fullCurve[4], fullCurve[5]}, resumed.lossCurve());
            Map<String, float[]> weights = policy.weights();
            for (Map.Entry<String, float[]> e : uninterrupted.entrySet()) {
                assertArrayEquals(e.getValue(), weights.get(e.getKey()), e.getKey());
            }
            for (String file : List.of("model.safetensors", "optimizer.safetensors", "trainer_state.json")) {
                assertEquals(-1, Files.mismatch(dir.resolve("a/step-00000006").resolve(file),
                        dir.resolve("b/step-00000006").resolve(file)), file);
            }

            SftResult again = new SftTrainer(policy, config, store).resume(data);
            assertEquals(6, again.startStep());
            assertEquals(0, again.lossCurve().length);
            assertTrue(Double.isNaN(again.finalLoss()));
            assertEquals(Optional.of(dir.resolve("b/step-00000006")), again.finalCheckpoint());

            IllegalStateException fresh = assertThrows(IllegalStateException.class,
                    () -> new SftTrainer(policy, config, store).train(data));
            assertTrue(fresh.getMessage().contains("resume from it or write to an empty directory"),
                    fresh.getMessage());
            IllegalArgumentException otherSeed = assertThrows(IllegalArgumentException.class,
                    () -> new SftTrainer(policy, config.withSeed(1), store).resume(data));
            assertTrue(otherSeed.getMessage().endsWith("was written with seed 0 but the config has seed 1"),
                    otherSeed.getMessage());
            IllegalArgumentException otherData = assertThrows(IllegalArgumentException.class,
                    () -> new SftTrainer(policy, config, store).resume(data.subList(0, 2)));
            assertTrue(otherData.getMessage().contains("was written while training on other examples"),
                    otherData.getMessage());
        }
    }

    @Test
    void badExamplesAndSettingsAreRejectedWithTheirIndex() throws Exception {
        try (Policy policy = Policy.initialize(TINY, TOK, 1)) {
            SftConfig config = config(2, 1e-3, 0);
            SftConfig shortContext = new SftConfig(2, 2, 20, config.optimizer(), config.schedule(), 1, 0, 0, 1);
            IllegalArgumentException tooLong = assertThrows(IllegalArgumentException.class,
                    () -> new SftTrainer(policy, shortContext).train(List.of(PATTERNS.get(0))));
            assertEquals("example 0 has " + PATTERNS.get(0).length() + " tokens, more than max_sequence_length 20",
                    tooLong.getMessage());
            SftExample outOfVocab = new SftExample(new int[] {5, TINY.vocabSize()}, new boolean[] {false, true});
            IllegalArgumentException vocab = assertThrows(IllegalArgumentException.class,
                    () -> new SftTrainer(policy, config).train(List.of(PATTERNS.get(0), outOfVocab)));
            assertEquals("example 1 token 1 has id 99, outside the model's vocabulary of 99", vocab.getMessage());
            assertThrows(IllegalArgumentException.class, () -> new SftTrainer(policy, config).train(List.of()));
            SftConfig tooWide = new SftConfig(2, 2, 4096, config.optimizer(), config.schedule(), 1, 0, 0, 1);
            IllegalArgumentException context = assertThrows(IllegalArgumentException.class,
                    () -> new SftTrainer(policy, tooWide));
            assertEquals("max_sequence_length (4096) exceeds the model's max_position_embeddings (512)",
                    context.getMessage());
            assertThrows(IllegalStateException.class, () -> new SftTrainer(policy, config).resume(PATTERNS));
        }
    }

    @Test
    void aNonFiniteLossStopsTrainingBeforeTheUpdate() throws Exception {
        try (Policy policy = Policy.initialize(TINY, TOK, 1)) {
            Map<String, float[]> weights = policy.weights();
            weights.get("model.embed_tokens.weight")[TOK.encode("Q")[0] * TINY.hiddenSize()] = Float.NaN;
            policy.loadWeights(weights);
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> new SftTrainer(policy, config(2, 1e-3, 0)).train(PATTERNS));
            assertEquals("sft loss is NaN at step 1; no update was applied (lower the learning rate or check the "
                    + "data)", e.getMessage());
            assertArrayEquals(weights.get("model.norm.weight"), policy.weights().get("model.norm.weight"));
        }
    }

    private static GenerationConfig greedy(List<String> stopStrings) {
        return new GenerationConfig(new SamplingConfig(0, 0, 1), 30, stopStrings, Set.of(), 0);
    }

    private static double mean(double[] values, int from, int to) {
        double sum = 0;
        for (int i = from; i < to; i++) {
            sum += values[i];
        }
        return sum / (to - from);
    }
}
