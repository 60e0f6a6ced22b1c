package io.cleave.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cleave.model.io.ModelDirectory;
import io.cleave.spark.train.SparkTrainer;
import io.cleave.spark.train.TrainSummary;
import io.cleave.train.config.TrainConfig;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A training run killed (SIGKILL) after its second iteration's checkpoint and resumed with {@code --resume auto}
 * ends with weights bit-identical to an uninterrupted run of the same config.
 */
class SparkResumeIT {

    private static final int ITERATIONS = 4;

    @TempDir
    Path tmp;

    @Test
    void aKilledRunResumedFromItsCheckpointEndsWithTheUninterruptedWeights() throws Exception {
        Path model = TinyWarmStart.model();
        TrainConfig straight = config(tmp.resolve("straight"));
        TrainSummary reference = SparkTrainer.run(straight, null, false, quiet());
        Map<String, float[]> expected = ModelDirectory.readWeights(reference.finalWeights());

        Path interrupted = tmp.resolve("interrupted");
        List<String> args = new ArrayList<>(List.of("train", "--master", "local[2]"));
        for (String set : TinyWarmStart.settings(interrupted, ITERATIONS)) {
            args.add("--set");
            args.add(set);
        }
        Path marker = interrupted.resolve("checkpoints/step-00000002/MANIFEST.json");
        String classpath = TestClasspath.entries().stream().map(Path::toString)
                .collect(Collectors.joining(File.pathSeparator));
        try (JavaProcess job = JavaProcess.start("cleave train", tmp.resolve("train.log"), classpath,
                List.of("-Xmx2g", "-Dai.djl.offline=true"), "io.cleave.cli.CleaveCli", args, Map.of())) {
            long deadline = System.nanoTime() + Duration.ofMinutes(4).toNanos();
            while (!Files.exists(marker)) {
                assertTrue(job.isAlive(), "the job ended before its second checkpoint; " + job.tail());
                assertTrue(System.nanoTime() < deadline, "no second checkpoint in time; " + job.tail());
                Thread.sleep(50);
            }
            job.kill();
        }
        assertTrue(!Files.exists(interrupted.resolve("checkpoints/step-00000004")), "killed before the end");

        TrainSummary resumed = SparkTrainer.run(config(interrupted), null, true, quiet());
        assertTrue(resumed.firstIteration() >= 3, "resumed after the checkpoint, not from scratch");
        assertEquals(ITERATIONS, resumed.lastIteration());
        Map<String, float[]> actual = ModelDirectory.readWeights(resumed.finalWeights());
        for (String name : expected.keySet()) {
            assertTrue(Arrays.equals(expected.get(name), actual.get(name)), "bit-identical " + name);
        }
    }

    private static TrainConfig config(Path runDir) {
        return TrainConfig.fromSets(List.of(TinyWarmStart.settings(runDir, ITERATIONS))).with("spark.master",
                "local[2]");
    }

    private static PrintStream quiet() {
        return new PrintStream(new ByteArrayOutputStream());
    }
}
