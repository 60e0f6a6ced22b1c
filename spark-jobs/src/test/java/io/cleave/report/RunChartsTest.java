package io.cleave.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunChartsTest {

    @TempDir
    Path dir;

    /** Three iterations without evaluation, KL or clip fraction; iteration 2 has no timings. */
    private static final List<String> LINES = List.of(
            "{\"iteration\":1,\"reward\":-0.75,\"accuracy\":0.0,\"held_out_accuracy\":NaN,\"tool_calls\":1.6,"
                    + "\"entropy\":0.4,\"rollout_seconds\":1.5,\"advantage_seconds\":11.9,\"update_seconds\":0.6,"
                    + "\"iteration_seconds\":14.3}",
            "{\"iteration\":2,\"reward\":-0.31,\"accuracy\":0.125,\"held_out_accuracy\":NaN,\"tool_calls\":0.8,"
                    + "\"entropy\":0.35}",
            "{\"iteration\":3,\"reward\":-0.25,\"accuracy\":0.0,\"held_out_accuracy\":NaN,\"tool_calls\":0.25,"
                    + "\"entropy\":0.3,\"rollout_seconds\":0.8,\"advantage_seconds\":2.3,\"update_seconds\":0.3,"
                    + "\"iteration_seconds\":3.8}");

    @Test
    void plotsWithDataArePngsAndMissingMetricsAreNamed() throws Exception {
        List<ChartImage> charts = RunCharts.write(MetricsTable.parse(LINES, "m"), dir);
        assertEquals(List.of("Reward and accuracy", "Tool calls", "Policy entropy",
                "Approximate KL to the sampling policy", "Clip fraction", "Time per iteration by phase"),
                charts.stream().map(ChartImage::title).toList());
        assertEquals(List.of("held-out accuracy"), charts.get(0).missing());
        assertTrue(charts.get(0).drawn());
        assertFalse(charts.get(3).drawn(), "no approx_kl column: nothing to draw");
        assertFalse(charts.get(4).drawn());
        assertFalse(Files.exists(dir.resolve("kl.png")));
        for (String file : List.of("reward.png", "tool_calls.png", "entropy.png", "time.png")) {
            BufferedImage image = ImageIO.read(dir.resolve(file).toFile());
            assertEquals(RunCharts.WIDTH, image.getWidth(), file);
            assertEquals(RunCharts.HEIGHT, image.getHeight(), file);
            assertTrue(colours(image) > 10, file + " has drawn content");
        }
    }

    @Test
    void noTimingsMeansNoTimePlot() throws Exception {
        List<ChartImage> charts = RunCharts.write(MetricsTable.parse(List.of("{\"iteration\":1,\"reward\":0.5}"), "m"),
                dir);
        ChartImage time = charts.get(charts.size() - 1);
        assertFalse(time.drawn());
        assertEquals(List.of("iteration time"), time.missing());
        assertTrue(Files.exists(dir.resolve("reward.png")), "a single iteration is still plotted");
    }

    private static int colours(BufferedImage image) {
        Set<Integer> seen = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 2) {
            for (int x = 0; x < image.getWidth(); x += 2) {
                seen.add(image.getRGB(x, y));
            }
        }
        return seen.size();
    }
}
