package io.cleave.bench;

import io.cleave.env.demo.ExpertNoise;
import io.cleave.env.tasks.TaskSuiteRegistry;
import io.cleave.train.sft.WarmStart;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SFT checkpoints the benchmarks start from, built once (like {@code cleave sft}: demonstrations of the suite's
 * scripted expert with 10% slips, peak lr 3e-3, seed 0) and cached under
 * {@code bench/work/sft/SUITE[-OPTIONS]-PRESET-STEPSxBATCH-Ndemos}.
 */
final class WarmStartCache {

    private static final Logger LOG = LoggerFactory.getLogger(WarmStartCache.class);

    private WarmStartCache() {}

    /** The model directory of the warm start, trained now when it is not cached yet. */
    static Path get(String suite, Map<String, String> options, String preset, int steps, int batch, int demos)
            throws IOException {
        String tag = options.isEmpty() ? "" : "-" + options.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> e.getKey() + e.getValue()).reduce((a, b) -> a + "-" + b).orElse("");
        Path dir = BenchContext.work("sft").resolve(suite + tag + "-" + preset + "-" + steps + "x" + batch
                + "-" + demos + "demos");
        if (Files.exists(dir.resolve("config.json"))) {
            return dir;
        }
        System.out.printf("SFT warm start: %s preset on %s, %d steps of %d -> %s%n", preset, suite, steps, batch, dir);
        long t0 = System.nanoTime();
        int every = Math.max(1, steps / 5);
        new WarmStart(preset, demos, new ExpertNoise(0.1, 0.1, 0.1), steps, batch, 3e-3, 0)
                .run(TaskSuiteRegistry.create(suite, options), dir, p -> {
                    if (p.step() % every == 0) {
                        LOG.info("sft {} {}/{} loss {}", suite, p.step(), p.totalSteps(), p.loss());
                    }
                });
        System.out.printf("SFT warm start done in %.0f s%n", (System.nanoTime() - t0) / 1e9);
        return dir;
    }
}
