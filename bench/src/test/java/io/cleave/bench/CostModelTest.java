package io.cleave.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class CostModelTest {

    private static ScalingPoint point(int executors, double tokens, double rollout, double iteration) {
        return new ScalingPoint("t", executors, 8, 8, iteration, rollout, rollout, 0, tokens, 4e6);
    }

    @Test
    void fitsRolloutPerExecutorTokenAndRestPerToken() {
        // rollout = 0.5 + 0.002 * tokens / executors; rest = 1 + 0.001 * tokens
        List<ScalingPoint> points = List.of(point(1, 1000, 2.5, 2.5 + 2), point(2, 1000, 1.5, 1.5 + 2),
                point(2, 2000, 2.5, 2.5 + 3));
        CostModel m = CostModel.fit(points);
        assertEquals(0.5, m.rollout().intercept(), 1e-9);
        assertEquals(0.002, m.rollout().slope(), 1e-12);
        assertEquals(1.0, m.rest().intercept(), 1e-9);
        assertEquals(0.001, m.rest().slope(), 1e-12);
    }

    @Test
    void projectionAddsTheStatedGpuCosts() {
        CostModel m = new CostModel(new LinearFit(0.5, 0.002, 1), new LinearFit(1.0, 0.001, 1));
        CostModel.Assumptions a = new CostModel.Assumptions(1e12, 2e12, 1e9);
        // p = 1e8, T = 1000, n = 4: rollout 0.5 + 250 * 2e8 / 1e12 = 0.55; update 1000 * 6e8 / (4 * 2e12) = 0.075;
        // broadcast 4e8 / 1e9 = 0.4; gradients 4 * 0.4 = 1.6; fixed 1.0
        CostModel.Projection p = m.project(4, 1e8, 1000, a);
        assertEquals(0.55, p.rollout(), 1e-12);
        assertEquals(0.075, p.update(), 1e-12);
        assertEquals(0.4, p.broadcast(), 1e-12);
        assertEquals(1.6, p.gradients(), 1e-12);
        assertEquals(1.0, p.fixed(), 1e-12);
        assertEquals(3.625, p.total(), 1e-12);
    }
}
