package io.cleave.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cleave.train.metrics.IterationMetrics;
import java.util.List;
import org.junit.jupiter.api.Test;

class MetricsTableTest {

    /** Rows as the training job writes them: Gson prints a NaN held-out accuracy as a bare NaN. */
    private static final List<String> LINES = List.of(
            "{\"iteration\":1,\"reward\":-0.75,\"held_out_accuracy\":NaN,\"tool_calls\":1.5,\"executors\":1}",
            "",
            "{\"iteration\":2,\"reward\":-0.25,\"held_out_accuracy\":0.125,\"note\":\"text\",\"flag\":true}",
            "{\"iteration\":3,\"reward\":0.5,\"held_out_accuracy\":null,\"tool_calls\":Infinity}");

    @Test
    void seriesSkipMissingNanNullAndInfiniteValues() {
        MetricsTable table = MetricsTable.parse(LINES, "metrics.jsonl");
        assertEquals(3, table.rows().size());
        MetricSeries reward = table.series("reward", m -> m.rollout().reward());
        assertEquals("reward", reward.name());
        assertArrayEquals(new double[] {1, 2, 3}, reward.x());
        assertArrayEquals(new double[] {-0.75, -0.25, 0.5}, reward.y());
        MetricSeries heldOut = table.series("held-out", IterationMetrics::heldOutAccuracy);
        assertArrayEquals(new double[] {2}, heldOut.x());
        assertArrayEquals(new double[] {0.125}, heldOut.y());
        MetricSeries tools = table.series("tools", m -> m.rollout().toolCalls());
        assertArrayEquals(new double[] {1}, tools.x());
        assertTrue(table.series("kl", m -> m.update().approxKl()).isEmpty(), "a column no row has");
    }

    @Test
    void lastIsTheLastRecordedValue() {
        MetricsTable table = MetricsTable.parse(LINES, "m");
        assertEquals(0.125, table.last(IterationMetrics::heldOutAccuracy));
        assertEquals(0.5, table.last(m -> m.rollout().reward()));
        assertTrue(Double.isNaN(table.last(m -> m.update().loss())));
    }
}
