package io.cleave.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cleave.model.io.ModelDirectory;
import io.cleave.spark.train.SparkTrainer;
import io.cleave.spark.train.TrainSummary;
import io.cleave.tests.harness.JavaProcess;
import io.cleave.tests.harness.TestClasspath;
import io.cleave.train.checkpoint.CheckpointManifest;
import io.cleave.train.checkpoint.CheckpointStore;
import io.cleave.train.config.TrainConfig;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The driver process killed (SIGKILL) and the run resumed with {@code --resume auto}: it ends with weights
 * bit-identical to an uninterrupted run of the same config, whether the kill came mid-iteration or while a
 * checkpoint was being written (the kill lands as soon as the checkpoint's temporary directory appears; if the
 * write still won the race, the test tears that checkpoint itself), and a checkpoint whose files do not match its
 * manifest (a truncated file and no manifest, a flipped byte) is skipped in favour of the previous complete one.
 */
class SparkResumeIT {

    private static final int ITERATIONS = 4;
    private static final Duration DEADLINE = Duration.ofMinutes(4);

    @TempDir
    static Path shared;

    private static Map<String, float[]> expected;

    @TempDir
    Path tmp;

    @BeforeAll
    static void uninterruptedRun() throws Exception {
        TrainSummary reference = SparkTrainer.run(config(shared.resolve("straight")), null, false, quiet());
        expected = ModelDirectory.readWeights(reference.finalWeights());
    }

    @Test
    void killedMidIterationWithTornAndCorruptedCheckpointsResumesFromTheNewestCompleteOne() throws Exception {
        Path run = tmp.resolve("interrupted");
        Path checkpoints = run.resolve("checkpoints");
        Path step3 = checkpoints.resolve("step-00000003");
        killWhen(run, dir -> Files.exists(step3.resolve(CheckpointManifest.FILE_NAME)));
        assertFalse(Files.exists(checkpoints.resolve("step-00000004")), "killed before the end");
        CheckpointStore store = CheckpointStore.at(checkpoints);
        assertEquals(Optional.of(step3), store.latest(), "the newest complete checkpoint after the kill");

        flipAByte(step3.resolve("model.safetensors"));
        Path step2 = checkpoints.resolve("step-00000002");
        try (RandomAccessFile file = new RandomAccessFile(step2.resolve("optimizer.safetensors").toFile(), "rw")) {
            file.setLength(file.length() / 2);
        }
        Files.delete(step2.resolve(CheckpointManifest.FILE_NAME));
        assertEquals(Optional.of(checkpoints.resolve("step-00000001")), store.latest(),
                "a corrupted (3) and a torn (2) checkpoint are skipped");
        assertResumesIdentical(run, 2);
    }

    @Test
    void killedWhileWritingACheckpointThenResumesFromThePreviousOne() throws Exception {
        Path run = tmp.resolve("torn");
        Path checkpoints = run.resolve("checkpoints");
        killWhen(run, dir -> hasChild(checkpoints, ".tmp-step-00000002-"));
        Path step2 = checkpoints.resolve("step-00000002");
        System.out.println("SparkResumeIT: the kill landed " + (Files.exists(step2) ? "after" : "during")
                + " the write of checkpoint 2");
        if (Files.exists(step2)) {
            Path weights = step2.resolve("model.safetensors");
            try (RandomAccessFile file = new RandomAccessFile(weights.toFile(), "rw")) {
                file.setLength(file.length() / 2);
            }
            Files.delete(step2.resolve(CheckpointManifest.FILE_NAME));
        }
        assertEquals(Optional.of(checkpoints.resolve("step-00000001")), CheckpointStore.at(checkpoints).latest(),
                "the half-written checkpoint is not taken for a complete one");
        assertResumesIdentical(run, 2);
        try (Stream<Path> left = Files.list(checkpoints)) {
            assertFalse(left.anyMatch(p -> p.getFileName().toString().startsWith(".tmp-")),
                    "the resumed run removed the unfinished checkpoint");
        }
    }

    /** Starts {@code cleave train} in a child JVM and kills it (SIGKILL) as soon as {@code when} holds. */
    private void killWhen(Path run, Predicate<Path> when) throws Exception {
        List<String> args = new ArrayList<>(List.of("train", "--master", "local[2]"));
        for (String set : FaultRuns.randomTinyRun(run, ITERATIONS)) {
            args.add("--set");
            args.add(set);
        }
        String classpath = TestClasspath.entries().stream().map(Path::toString)
                .collect(Collectors.joining(File.pathSeparator));
        try (JavaProcess job = JavaProcess.start("cleave train", tmp.resolve("train.log"), classpath,
                List.of("-Xmx2g"), "io.cleave.cli.CleaveCli", args, Map.of())) {
            long deadline = System.nanoTime() + DEADLINE.toNanos();
            while (!when.test(run)) {
                assertTrue(job.isAlive(), "the job ended before the kill point; " + job.tail());
                assertTrue(System.nanoTime() < deadline, "the kill point did not come in time; " + job.tail());
                Thread.sleep(1);
            }
            job.kill();
        }
    }

    private static void assertResumesIdentical(Path run, long firstIteration) throws IOException {
        TrainSummary resumed = SparkTrainer.run(config(run), null, true, quiet());
        assertEquals(firstIteration, resumed.firstIteration());
        assertEquals(ITERATIONS, resumed.lastIteration());
        Map<String, float[]> actual = ModelDirectory.readWeights(resumed.finalWeights());
        for (String name : expected.keySet()) {
            assertTrue(Arrays.equals(expected.get(name), actual.get(name)), "bit-identical " + name);
        }
    }

    private static boolean hasChild(Path dir, String prefix) {
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (Stream<Path> children = Files.list(dir)) {
            return children.anyMatch(p -> p.getFileName().toString().startsWith(prefix));
        } catch (IOException e) {
            return false;
        }
    }

    private static void flipAByte(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length - 9] ^= 0x01;
        Files.write(file, bytes);
    }

    private static TrainConfig config(Path runDir) {
        return TrainConfig.fromSets(FaultRuns.randomTinyRun(runDir, ITERATIONS));
    }

    private static PrintStream quiet() {
        return new PrintStream(new ByteArrayOutputStream());
    }
}
