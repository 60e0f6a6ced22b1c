package io.cleave.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LinearFitTest {

    @Test
    void exactLineIsRecovered() {
        LinearFit f = LinearFit.of(new double[] {1, 2, 4}, new double[] {5, 7, 11});
        assertEquals(3, f.intercept(), 1e-12);
        assertEquals(2, f.slope(), 1e-12);
        assertEquals(1, f.r2(), 1e-12);
        assertEquals(23, f.at(10), 1e-12);
    }

    @Test
    void noisyPointsGiveTheLeastSquaresLine() {
        // x = 0, 1, 2, 3; y = 1, 3, 2, 5: mean x 1.5, mean y 2.75, Sxy = 5.5, Sxx = 5 -> slope 1.1, intercept 1.1;
        // residuals -0.1, 0.8, -1.3, 0.6 -> SSres 2.7; SStot 8.75 -> r2 = 1 - 2.7 / 8.75
        LinearFit f = LinearFit.of(new double[] {0, 1, 2, 3}, new double[] {1, 3, 2, 5});
        assertEquals(1.1, f.slope(), 1e-12);
        assertEquals(1.1, f.intercept(), 1e-12);
        assertEquals(1 - 2.7 / 8.75, f.r2(), 1e-12);
    }

    @Test
    void degenerateInputsAreRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LinearFit.of(new double[] {2, 2}, new double[] {1, 3}));
        assertTrue(e.getMessage().contains("all x are equal"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> LinearFit.of(new double[] {1}, new double[] {1}));
        assertThrows(IllegalArgumentException.class, () -> LinearFit.of(new double[] {1, 2}, new double[] {1}));
    }
}
