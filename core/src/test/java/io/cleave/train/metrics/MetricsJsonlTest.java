package io.cleave.train.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.cleave.train.update.UpdateMetrics;
import java.util.List;
import org.junit.jupiter.api.Test;

class MetricsJsonlTest {

    /** The columns of {@code metrics.jsonl} as runs, notebooks and the README know them, in the order written. */
    private static final List<String> FORMAT = List.of("iteration", "prompts", "trajectories", "reward", "accuracy",
            "format_valid", "tool_calls", "tool_errors", "tool_timeouts", "sampled_tokens", "loss", "entropy",
            "clip_fraction", "approx_kl", "grad_norm", "optimizer_steps", "skipped_updates", "held_out_accuracy",
            "weight_loads_per_jvm_max", "executors", "broadcast_bytes", "rollout_seconds", "rollout_compute_seconds",
            "advantage_seconds", "update_seconds", "iteration_seconds", "jvm_heap_mb", "rss_mb", "open_fds",
            "live_broadcasts", "persisted_rdds");

    private static IterationMetrics sample(long iteration, double heldOut) {
        return new IterationMetrics(iteration, new RolloutStats(4, 16, 0.25, 0.5, 0.875, 1.5, 2, 1, 812),
                new UpdateMetrics(0.0123, 0.45, 0.01, 4.0e-4, 1.75, 4, 1), heldOut, new ExecutorStats(1, 2, 320000),
                new PhaseTimes(1.5, 1.25, 0.5, 0.75, 3.0), new ResourceUsage(73.5, 929.25, 266, 1, 0));
    }

    @Test
    void theColumnsAreTheMetricsFileFormat() {
        JsonObject row = JsonParser.parseString(MetricsJsonl.line(sample(3, 0.5))).getAsJsonObject();
        assertEquals(FORMAT, List.copyOf(row.keySet()));
    }

    @Test
    void aRowIsFlatSnakeCaseJsonWithNonFiniteNumbersBare() {
        assertEquals("{\"iteration\":3,\"prompts\":4,\"trajectories\":16,\"reward\":0.25,\"accuracy\":0.5,"
                + "\"format_valid\":0.875,\"tool_calls\":1.5,\"tool_errors\":2,\"tool_timeouts\":1,"
                + "\"sampled_tokens\":812,\"loss\":0.0123,\"entropy\":0.45,\"clip_fraction\":0.01,\"approx_kl\":4.0E-4,"
                + "\"grad_norm\":1.75,\"optimizer_steps\":4,\"skipped_updates\":1,\"held_out_accuracy\":NaN,"
                + "\"weight_loads_per_jvm_max\":1,\"executors\":2,\"broadcast_bytes\":320000,\"rollout_seconds\":1.5,"
                + "\"rollout_compute_seconds\":1.25,\"advantage_seconds\":0.5,\"update_seconds\":0.75,"
                + "\"iteration_seconds\":3.0,\"jvm_heap_mb\":73.5,\"rss_mb\":929.25,\"open_fds\":266,"
                + "\"live_broadcasts\":1,\"persisted_rdds\":0}", MetricsJsonl.line(sample(3, Double.NaN)));
    }

    @Test
    void rowsReadBackAsWrittenOrderedByIterationTheLaterOfARepeatWinning() {
        List<IterationMetrics> rows = MetricsJsonl.parse(List.of(MetricsJsonl.line(sample(2, 0.5)), "",
                MetricsJsonl.line(sample(1, Double.NaN)), MetricsJsonl.line(sample(2, 0.75))), "m");
        assertEquals(List.of(sample(1, Double.NaN), sample(2, 0.75)), rows);
    }

    @Test
    void columnsAnOlderRunDidNotWriteReadAsNanOrZero() {
        List<IterationMetrics> rows = MetricsJsonl.parse(List.of(
                "{\"iteration\":1,\"reward\":-0.75,\"held_out_accuracy\":null,\"tool_calls\":\"x\",\"note\":true}"),
                "m");
        IterationMetrics row = rows.get(0);
        assertEquals(1, row.iteration());
        assertEquals(-0.75, row.rollout().reward());
        assertTrue(Double.isNaN(row.heldOutAccuracy()));
        assertTrue(Double.isNaN(row.rollout().toolCalls()));
        assertTrue(Double.isNaN(row.resources().jvmHeapMb()));
        assertEquals(0, row.rollout().sampledTokens());
        assertEquals(0, row.executors().executors());
    }

    @Test
    void badLinesNameTheSourceAndLine() {
        IllegalArgumentException notObject = assertThrows(IllegalArgumentException.class,
                () -> MetricsJsonl.parse(List.of("{\"iteration\":1}", "[1,2]"), "run/metrics.jsonl"));
        assertEquals("run/metrics.jsonl line 2 is not a JSON object", notObject.getMessage());
        IllegalArgumentException noIteration = assertThrows(IllegalArgumentException.class,
                () -> MetricsJsonl.parse(List.of("{\"reward\":1}"), "m"));
        assertEquals("m line 1 has no numeric 'iteration'", noIteration.getMessage());
        IllegalArgumentException broken = assertThrows(IllegalArgumentException.class,
                () -> MetricsJsonl.parse(List.of("{\"iteration\":1,"), "m"));
        assertTrue(broken.getMessage().startsWith("m line 1 is not valid JSON"), broken.getMessage());
    }
}
