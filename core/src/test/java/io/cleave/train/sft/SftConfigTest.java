package io.cleave.train.sft;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cleave.optim.AdamWConfig;
import io.cleave.tokenizer.CharTokenizer;
import io.cleave.train.LearningRateSchedule;
import org.junit.jupiter.api.Test;

/** Config and example validation: every message names the field. */
class SftConfigTest {

    private static final SftConfig D = SftConfig.defaults();

    @Test
    void defaultsAreConsistentAndCopiesKeepScheduleInStep() {
        assertEquals(SftConfig.DEFAULT_STEPS, D.steps());
        assertEquals(D.steps(), D.schedule().totalSteps());
        assertEquals(AdamWConfig.DEFAULT.learningRate(), D.schedule().peakLr());
        SftConfig c = D.withSteps(40).withLearningRate(3e-3);
        assertEquals(40, c.schedule().totalSteps());
        assertEquals(3e-3, c.optimizer().learningRate());
        assertEquals(3e-3, c.schedule().peakLr());
        SftConfig s = D.withSchedule(LearningRateSchedule.constant(0.5, 7));
        assertEquals(7, s.steps());
        assertEquals(0.5, s.optimizer().learningRate());
    }

    @Test
    void invalidFieldsAreNamed() {
        assertMessage("steps must be >= 1", () -> new SftConfig(0, 8, 512, D.optimizer(), D.schedule(), 1, 0, 0,
                1));
        assertMessage("batch_size must be >= 1", () -> D.withBatchSize(0));
        assertMessage("max_sequence_length must be >= 2", () -> new SftConfig(D.steps(), 8, 1, D.optimizer(),
                D.schedule(), 1, 0, 0, 1));
        assertMessage("optimizer must be set", () -> new SftConfig(D.steps(), 8, 512, null, D.schedule(), 1, 0, 0,
                1));
        assertMessage("schedule.total_steps (1000) must equal steps (10)", () -> new SftConfig(10, 8, 512,
                D.optimizer(), D.schedule(), 1, 0, 0, 1));
        assertMessage("schedule.peak_lr (0.001) must equal optimizer.learning_rate (1.0E-4)", () -> new SftConfig(
                D.steps(), 8, 512, D.optimizer(), D.schedule().withPeakLr(1e-3), 1, 0, 0, 1));
        assertMessage("grad_clip must be a finite number > 0", () -> new SftConfig(D.steps(), 8, 512,
                D.optimizer(), D.schedule(), 0, 0, 0, 1));
        assertMessage("checkpoint_every must be >= 0", () -> D.withCheckpointEvery(-1));
        assertMessage("log_every must be >= 1", () -> D.withLogEvery(0));
    }

    @Test
    void examplesAreValidatedAndBuiltPieceByPiece() {
        CharTokenizer tok = CharTokenizer.instance();
        SftExample e = SftExample.builder(tok).context("Q:").target("ab").context("c").targetEndOfText().build();
        int[] ids = tok.encode("Q:abc");
        assertArrayEquals(new int[] {ids[0], ids[1], ids[2], ids[3], ids[4], tok.eosId()}, e.tokens());
        assertArrayEquals(new boolean[] {false, false, true, true, false, true}, e.lossMask());
        assertEquals(3, e.targetCount());

        assertMessage("tokens must hold at least 2 ids", () -> new SftExample(new int[] {5}, new boolean[] {true}));
        assertMessage("loss_mask has 2 entries but tokens has 3",
                () -> new SftExample(new int[] {5, 6, 7}, new boolean[] {false, true}));
        assertMessage("loss_mask[0] must be false",
                () -> new SftExample(new int[] {5, 6}, new boolean[] {true, true}));
        assertMessage("loss_mask must mark at least one target token",
                () -> new SftExample(new int[] {5, 6}, new boolean[] {false, false}));
        assertMessage("tokens[1] must be >= 0", () -> new SftExample(new int[] {5, -2}, new boolean[] {false, true}));
    }

    private static void assertMessage(String start, Runnable r) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, r::run);
        assertTrue(e.getMessage().startsWith(start), e.getMessage());
    }
}
