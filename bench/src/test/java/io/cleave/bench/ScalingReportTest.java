package io.cleave.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ScalingReportTest {

    private static ScalingPoint point(String sweep, int executors, int prompts, int budget, double tokens,
            double rollout, double iteration) {
        return new ScalingPoint(sweep, executors, prompts, budget, iteration, rollout, rollout * 0.9, 1.0, tokens,
                11e6);
    }

    private final List<ScalingPoint> points = List.of(point("executors", 1, 8, 8, 1000, 4.0, 6.0),
            point("executors", 2, 8, 8, 1000, 2.5, 4.5), point("prompts", 2, 4, 8, 500, 1.5, 3.0));

    private final ScalingReport report = new ScalingReport("command: test\n", "fresh `small`", 3, points,
            points.get(1), CostModel.fit(points), new BatchSplitBound(2.0, 1.25, 1.6));

    @Test
    void markdownStatesTheSpeedUpsAndBounds() {
        String md = report.markdown();
        assertTrue(md.startsWith("command: test\n"), md);
        // rollout 4.0 / 2.5 = 1.60x; batch bound 2.0 / 1.25 = 1.60x; side-by-side 2.0 / 1.6 = 1.25x
        assertTrue(md.contains("vs 1 (8 prompts, M 8): 1.60x"), md);
        assertTrue(md.contains("Batch-split bound 1.60x"), md);
        assertTrue(md.contains("side-by-side bound 1.25x"), md);
        assertTrue(md.contains("| 1B |"), md);
    }

    @Test
    void csvHasOneRowPerPointAndPerProjection() {
        assertEquals(1 + points.size(), report.measurementsCsv().split("\n").length);
        assertEquals(1 + ScalingReport.SIZES.length * ScalingReport.EXECUTORS.length,
                report.projectionCsv().split("\n").length);
        // rollout ms per token of the first point: 1000 * 4.0 / 1000 = 4.0
        assertTrue(report.measurementsCsv().split("\n")[1].endsWith(",4.0000,6.0000"), report.measurementsCsv());
    }
}
