package io.cleave.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cleave.train.LearningRateSchedule.Kind;
import org.junit.jupiter.api.Test;

/** Schedule values worked out by hand from the documented formulas. */
class LearningRateScheduleTest {

    @Test
    void cosineWarmsUpLinearlyThenFollowsHalfACosineToTheMinimum() {
        LearningRateSchedule s = new LearningRateSchedule(Kind.COSINE, 1.0, 2, 10, 0.1);
        assertEquals(0.5, s.at(0), 1e-12); // (0 + 1) / 2
        assertEquals(1.0, s.at(1), 1e-12); // (1 + 1) / 2
        assertEquals(1.0, s.at(2), 1e-12); // p = 0
        assertEquals(0.1 + 0.9 * (1 + Math.sqrt(0.5)) / 2, s.at(4), 1e-12); // p = 2/8, cos(pi/4)
        assertEquals(0.55, s.at(6), 1e-12); // p = 4/8, cos(pi/2) = 0
        assertEquals(0.1, s.at(10), 1e-12); // p = 1
        assertEquals(0.1, s.at(500), 1e-12); // past the end keeps the final value
    }

    @Test
    void linearAndConstantByHand() {
        LearningRateSchedule linear = new LearningRateSchedule(Kind.LINEAR, 2e-3, 0, 4, 0.0);
        double[] expected = {2e-3, 1.5e-3, 1e-3, 0.5e-3, 0.0};
        for (int step = 0; step < expected.length; step++) {
            assertEquals(expected[step], linear.at(step), 1e-15, "linear step " + step);
        }
        LearningRateSchedule constant = new LearningRateSchedule(Kind.CONSTANT, 0.4, 4, 9, 0.5);
        assertEquals(0.1, constant.at(0), 1e-12);
        assertEquals(0.3, constant.at(2), 1e-12);
        assertEquals(0.4, constant.at(3), 1e-12);
        assertEquals(0.4, constant.at(8), 1e-12);
        assertEquals(0.25, LearningRateSchedule.constant(0.25, 3).at(0), 0);
    }

    @Test
    void defaultsAndCopies() {
        LearningRateSchedule d = LearningRateSchedule.defaults(1e-3, 1000);
        assertEquals(LearningRateSchedule.DEFAULT_KIND, d.kind());
        assertEquals(30, d.warmupSteps());
        assertEquals(LearningRateSchedule.DEFAULT_MIN_LR_RATIO, d.minLrRatio());
        LearningRateSchedule shorter = d.withTotalSteps(20);
        assertEquals(20, shorter.totalSteps());
        assertEquals(20, shorter.warmupSteps());
        assertEquals(5e-3, d.withPeakLr(5e-3).peakLr());
    }

    @Test
    void kindsParseFromConfigNamesAndUnknownNamesListTheKnownOnes() {
        assertEquals(Kind.LINEAR, Kind.of("linear"));
        assertEquals("cosine", Kind.COSINE.configName());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Kind.of("exponential"));
        assertEquals("unknown schedule kind 'exponential'; known kinds: [constant, linear, cosine]", e.getMessage());
    }

    @Test
    void validationNamesTheField() {
        assertMessage("schedule.peak_lr", () -> new LearningRateSchedule(Kind.COSINE, 0, 0, 10, 0.1));
        assertMessage("schedule.total_steps", () -> new LearningRateSchedule(Kind.COSINE, 1, 0, 0, 0.1));
        assertMessage("schedule.warmup_steps", () -> new LearningRateSchedule(Kind.COSINE, 1, 11, 10, 0.1));
        assertMessage("schedule.min_lr_ratio", () -> new LearningRateSchedule(Kind.COSINE, 1, 0, 10, 1.5));
        assertMessage("schedule.kind", () -> new LearningRateSchedule(null, 1, 0, 10, 0.1));
        assertMessage("step", () -> LearningRateSchedule.constant(1, 3).at(-1));
    }

    private static void assertMessage(String field, Runnable r) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, r::run);
        assertTrue(e.getMessage().startsWith(field + " must"), e.getMessage());
    }
}
