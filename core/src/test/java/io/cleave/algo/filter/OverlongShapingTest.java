package io.cleave.algo.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class OverlongShapingTest {

    private final OverlongShaping shaping = new OverlongShaping(20, 5);

    @Test
    void noPenaltyBeforeTheBuffer() {
        assertEquals(0, shaping.penalty(3), 0);
        assertEquals(0, shaping.penalty(15), 0);
    }

    @Test
    void linearPenaltyInsideTheBuffer() {
        assertEquals(-0.2, shaping.penalty(16), 1e-12);   // -(16 - 15) / 5
        assertEquals(-0.6, shaping.penalty(18), 1e-12);
        assertEquals(-1.0, shaping.penalty(20), 1e-12);
        assertEquals(0.4, shaping.shape(1.0, 18), 1e-12);
    }

    @Test
    void beyondTheLimitThePenaltyIsMinusOne() {
        assertEquals(-1.0, shaping.penalty(25), 0);
    }

    @Test
    void validationNamesTheKeys() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new OverlongShaping(20, 30));
        assertEquals("overlong.buffer must be in [1, overlong.max-length = 20], got 30", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new OverlongShaping(0, 0));
    }
}
