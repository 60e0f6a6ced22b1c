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
            point("executors", 2, 8, 8, 1000, 2.5, 4.5), point("executors", 1, 16, 8, 2000, 7.2, 10.0),
            point("executors", 2, 16, 8, 1800, 4.0, 6.0), point("prompts", 2, 4, 8, 500, 1.5, 3.0));

    private final ScalingReport report = new ScalingReport("command: test\n", "fresh `small`", 3, points,
            points.get(1), CostModel.fit(points), List.of(new BatchSplitBound(32, 2.0, 1.25, 1.6),
                    new BatchSplitBound(64, 3.6, 2.0, 2.4)));

    @Test
    void markdownStatesTheSpeedUpsAndBounds() {
        String md = report.markdown();
        assertTrue(md.startsWith("command: test\n"), md);
        // 8 prompts: rollout 4.0 / 2.5 = 1.60x, compute 3.6 / 2.25 = 1.60x, iteration 6.0 / 4.5 = 1.33x
        assertTrue(md.contains("| 8 | 8 | 4.00 | 2.50 | 1.60x | 1.60x | 1.33x | 1.60x |"), md);
        // 16 prompts: 7.2 / 4.0 = 1.80x; per token (7.2 / 2000) / (4.0 / 1800) = 1.62x
        assertTrue(md.contains("| 16 | 8 | 7.20 | 4.00 | 1.80x | 1.80x | 1.67x | 1.62x |"), md);
        // batch bound 2.0 / 1.25 = 1.60x, side-by-side 2.0 / 1.6 = 1.25x; 3.6 / 2.0 = 1.80x, 3.6 / 2.4 = 1.50x
        assertTrue(md.contains("| 32 | 2.00 | 1.25 | 1.60 | 1.60x | 1.25x |"), md);
        assertTrue(md.contains("| 64 | 3.60 | 2.00 | 2.40 | 1.80x | 1.50x |"), md);
        String split = md.substring(md.indexOf("## Two executors"), md.indexOf("Targets:"));
        assertEquals(4, split.lines().filter(l -> l.startsWith("|")).count(), "header, rule, 8 and 16 prompts: "
                + split);
        assertTrue(md.contains("| 1B |"), md);
        // outside compute of the first point: (6.0 - 0.9 * 4.0 - 1.0) / 6.0 = 23.3%
        assertTrue(md.contains("| executors | 1 | 8 | 8 | 1000 | 6.00 | 4.00 | 3.60 | 2.00 | 23.3% |"), md);
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
