package io.cleave.train.update;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Skip, count and stop decisions of the non-finite guard. */
class NonFiniteStepsTest {

    private static final Map<String, float[]> FINITE = Map.of("a", new float[] {3, 4}, "b", new float[] {0});

    @Test
    void finiteStepsPassAndNonFiniteOnesAreCountedUntilTheLimitInARow() {
        NonFiniteSteps guard = new NonFiniteSteps(3);
        assertTrue(guard.admit(0.5, FINITE));
        assertFalse(guard.admit(Double.NaN, FINITE), "NaN loss");
        assertFalse(guard.admit(0.5, Map.of("a", new float[] {1, Float.POSITIVE_INFINITY})), "infinite gradient");
        assertEquals(2, guard.inARow());
        assertTrue(guard.admit(-1.25, FINITE), "a finite step ends the run");
        assertEquals(0, guard.inARow());
        assertFalse(guard.admit(0.5, Map.of("a", new float[] {Float.NaN})));
        assertFalse(guard.admit(Double.POSITIVE_INFINITY, FINITE));
        NonFiniteUpdateException stop = assertThrows(NonFiniteUpdateException.class,
                () -> guard.admit(Double.NaN, FINITE));
        assertEquals(3, stop.inARow());
        assertEquals(5, guard.skipped());
        assertEquals("3 optimizer steps in a row had a non-finite loss or gradient (last: loss NaN, gradient norm "
                + "5.0), so none was applied and training stops (optim.max-nonfinite-steps=3); the weights are "
                + "those of the last finite step", stop.getMessage());
    }

    @Test
    void gradientsWhoseSquaresOverflowFloatStillCountAsFinite() {
        Map<String, float[]> large = Map.of("a", new float[] {1e20f, 1e20f});
        assertEquals(2 * (double) 1e20f * 1e20f, NonFiniteSteps.squaredNorm(large));
        assertTrue(new NonFiniteSteps(1).admit(0, large));
    }

    @Test
    void theLimitMustBePositive() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new NonFiniteSteps(0));
        assertEquals("max non-finite steps in a row must be >= 1, got 0", e.getMessage());
    }
}
