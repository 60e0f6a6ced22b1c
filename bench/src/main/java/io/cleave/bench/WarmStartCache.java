package io.cleave.bench;

import io.cleave.env.demo.ExpertNoise;
import io.cleave.env.tasks.registry.TaskSuiteRegistry;
import io.cleave.train.LearningRateSchedule;
import io.cleave.train.sft.WarmStart;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SFT checkpoints the benchmarks start from, built once (like {@code cleave sft}: demonstrations of the suite's
 * scripted expert with 10% slips, peak lr 3e-3, seed 0) and cached under
 * {@code bench/work/sft/SUITE[-OPTIONS]-PRESET-STEPSxBATCH-Ndemos[-Kworlds]}.
 */
final class WarmStartCache {

    private static final Logger LOG = LoggerFactory.getLogger(WarmStartCache.class);

    /** Peak learning rate of every benchmark warm start. */
    static final double LEARNING_RATE = 3e-3;

    private WarmStartCache() {}

    /** The model directory of {@code setup}'s warm start, trained now when it is not cached yet. */
    static Path get(SuitePlan setup, String preset, int batch) throws IOException {
        Path dir = BenchContext.work("sft").resolve(directoryName(setup, preset, batch));
        if (Files.exists(dir.resolve("config.json"))) {
            return dir;
        }
        System.out.printf("SFT warm start: %s preset, %s -> %s%n", preset, setup.describe(batch), dir);
        long t0 = System.nanoTime();
        int every = Math.max(1, setup.sftSteps() / 5);
        new WarmStart(preset, setup.sftDemos(), new ExpertNoise(0.1, 0.1, 0.1), setup.sftSteps(), batch,
                LEARNING_RATE, LearningRateSchedule.DEFAULT_KIND, 0)
                .run(WarmStart.worlds(TaskSuiteRegistry.create(setup.suite(), setup.options()), setup.worlds()), dir,
                        p -> {
                            if (p.step() % every == 0) {
                                LOG.info("sft {} {}/{} loss {}", setup.suite(), p.step(), p.totalSteps(), p.loss());
                            }
                        });
        System.out.printf("SFT warm start done in %.0f s%n", (System.nanoTime() - t0) / 1e9);
        return dir;
    }

    /** The cache directory's name: suite, sorted options, preset, steps x batch, demonstrations, worlds. */
    static String directoryName(SuitePlan setup, String preset, int batch) {
        StringBuilder name = new StringBuilder(setup.suite());
        setup.sortedOptions().forEach((key, value) -> name.append('-').append(key).append(value));
        name.append('-').append(preset).append('-').append(setup.sftSteps()).append('x').append(batch)
                .append('-').append(setup.sftDemos()).append("demos");
        if (setup.worlds() > 1) {
            name.append('-').append(setup.worlds()).append("worlds");
        }
        return name.toString();
    }
}
