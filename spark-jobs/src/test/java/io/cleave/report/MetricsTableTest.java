package io.cleave.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
        MetricSeries reward = table.series("reward");
        assertArrayEquals(new double[] {1, 2, 3}, reward.x());
        assertArrayEquals(new double[] {-0.75, -0.25, 0.5}, reward.y());
        MetricSeries heldOut = table.series("held_out_accuracy");
        assertArrayEquals(new double[] {2}, heldOut.x());
        assertArrayEquals(new double[] {0.125}, heldOut.y());
        MetricSeries tools = table.series("tool_calls");
        assertArrayEquals(new double[] {1}, tools.x());
        assertTrue(table.series("note").isEmpty(), "strings that are not numbers are not values");
        assertTrue(table.series("flag").isEmpty());
        assertTrue(table.series("absent").isEmpty());
    }

    @Test
    void aRepeatedIterationKeepsItsLaterRowAndRowsAreOrderedByIteration() {
        MetricsTable table = MetricsTable.parse(List.of("{\"iteration\":1,\"reward\":0.1}",
                "{\"iteration\":3,\"reward\":0.3}", "{\"iteration\":2,\"reward\":0.2}",
                "{\"iteration\":3,\"reward\":0.35}"), "m");
        MetricSeries reward = table.series("reward");
        assertArrayEquals(new double[] {1, 2, 3}, reward.x());
        assertArrayEquals(new double[] {0.1, 0.2, 0.35}, reward.y());
    }

    @Test
    void lastIsTheLastRecordedValue() {
        MetricsTable table = MetricsTable.parse(LINES, "m");
        assertEquals(0.125, table.last("held_out_accuracy"));
        assertEquals(0.5, table.last("reward"));
        assertTrue(Double.isNaN(table.last("absent")));
    }

    @Test
    void badLinesNameTheSourceAndLine() {
        IllegalArgumentException notObject = assertThrows(IllegalArgumentException.class,
                () -> MetricsTable.parse(List.of("{\"iteration\":1}", "[1,2]"), "run/metrics.jsonl"));
        assertEquals("run/metrics.jsonl line 2 is not a JSON object", notObject.getMessage());
        IllegalArgumentException noIteration = assertThrows(IllegalArgumentException.class,
                () -> MetricsTable.parse(List.of("{\"reward\":1}"), "m"));
        assertEquals("m line 1 has no numeric 'iteration'", noIteration.getMessage());
        IllegalArgumentException broken = assertThrows(IllegalArgumentException.class,
                () -> MetricsTable.parse(List.of("{\"iteration\":1,"), "m"));
        assertTrue(broken.getMessage().startsWith("m line 1 is not valid JSON"), broken.getMessage());
    }
}
