package io.cleave.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cleave.report.RunReport;
import io.cleave.spark.train.SparkTrainer;
import io.cleave.train.config.TrainConfig;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A short training run (tiny warm-started model, 2 iterations, held-out evaluation after iteration 2 only)
 * writes its report; headless Chromium loads the page, every plot decodes and every trajectory-tree node is drawn
 * with its advantage.
 */
class RunReportIT {

    private static final Pattern CHECK = Pattern.compile("id=\"render-check\" data-images-loaded=\"(\\d+)\" "
            + "data-images-total=\"(\\d+)\" data-tree-nodes-drawn=\"(\\d+)\" data-tree-nodes-total=\"(\\d+)\"");
    private static final Pattern ADVANTAGE = Pattern.compile("<g class=\"ma\" data-node=\"\\d+\" "
            + "data-advantage=\"([^\"]*)\"");

    @TempDir
    Path tmp;

    @Test
    void theTrainingRunsReportRendersInHeadlessChromium() throws Exception {
        HeadlessChromium.binary();
        Path runDir = tmp.resolve("run");
        List<String> sets = new ArrayList<>(List.of(TinyWarmStart.settings(runDir, 2)));
        sets.addAll(List.of("task.eval-every=2", "task.eval-size=4", "checkpoint.every=2"));
        ByteArrayOutputStream progress = new ByteArrayOutputStream();
        SparkTrainer.run(TrainConfig.fromSets(sets).with("spark.master", "local[2]"), null, false,
                new PrintStream(progress, true, StandardCharsets.UTF_8));
        Path page = runDir.resolve(RunReport.PAGE);
        assertTrue(progress.toString(StandardCharsets.UTF_8).contains("report: " + page), progress.toString());

        List<Path> pngs;
        try (Stream<Path> files = Files.list(runDir.resolve(RunReport.IMAGE_DIR))) {
            pngs = files.filter(p -> p.toString().endsWith(".png")).toList();
        }
        assertEquals(6, pngs.size(), "reward, tool calls, entropy, KL, clip fraction, time: " + pngs);

        String dom = HeadlessChromium.dumpDom(page, tmp.resolve("chromium-profile"));
        Matcher check = CHECK.matcher(dom);
        assertTrue(check.find(), "the page's load script ran: " + dom.substring(0, Math.min(2000, dom.length())));
        assertEquals(6, Integer.parseInt(check.group(2)), "six plots on the page");
        assertEquals(check.group(2), check.group(1), "every plot loaded (naturalWidth > 0)");
        int nodes = Integer.parseInt(check.group(4));
        assertTrue(nodes > 0, "tree nodes on the page");
        assertEquals(nodes, Integer.parseInt(check.group(3)), "every tree node has a non-empty bounding box");

        assertEquals(2 * RunReport.PROMPTS_PER_ITERATION, count(dom, "<svg class=\"tree\""),
                "three prompts of the first and three of the last iteration");
        assertTrue(dom.contains("<h3>Iteration 1, prompt ") && dom.contains("<h3>Iteration 2, prompt "), dom);
        Matcher advantage = ADVANTAGE.matcher(dom);
        int numeric = 0;
        while (advantage.find()) {
            if (!advantage.group(1).isEmpty()) {
                double a = Double.parseDouble(advantage.group(1));
                assertTrue(Double.isFinite(a), advantage.group());
                numeric++;
            }
        }
        assertTrue(numeric > 0, "macro-actions carry their advantage");
        assertTrue(Pattern.compile("last held-out accuracy</td><td>[01]\\.\\d{3}<").matcher(dom).find(),
                "evaluated after iteration 2 (not 1): the summary shows its value");
    }

    private static int count(String text, String needle) {
        int n = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
            n++;
        }
        return n;
    }
}
