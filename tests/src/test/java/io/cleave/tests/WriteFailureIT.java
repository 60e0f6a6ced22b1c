package io.cleave.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cleave.spark.train.SparkTrainer;
import io.cleave.train.checkpoint.CheckpointManifest;
import io.cleave.train.config.TrainConfig;
import io.cleave.train.run.RunStoppedException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Writes that fail mid-run (tests run as root, so permissions cannot stop a write: the faults are a full disk,
 * {@code /dev/full}, and a file where a directory must be made): the run stops with one line naming the path and
 * the cause, and the checkpoints written before still match their manifests.
 */
class WriteFailureIT {

    @TempDir
    Path tmp;

    @Test
    void aFullDiskUnderMetricsStopsTheRunAndKeepsTheCheckpoints() throws Exception {
        Path runDir = tmp.resolve("run");
        Path metrics = runDir.resolve("metrics.jsonl");
        RunStoppedException stop = runWithFault(runDir, () -> {
            try {
                Files.deleteIfExists(metrics);
                Files.createSymbolicLink(metrics, Path.of("/dev/full"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        assertEquals("cannot write metrics to " + metrics + ": java.io.IOException: No space left on device",
                stop.getMessage());
        assertIntact(runDir, 1);
        assertIntact(runDir, 2);
    }

    @Test
    void aTrajectoriesDirectoryThatCannotBeMadeStopsTheRunAndKeepsTheCheckpoints() throws Exception {
        Path runDir = tmp.resolve("run");
        Path inTheWay = runDir.resolve("trajectories/_temporary");
        RunStoppedException stop = runWithFault(runDir, () -> {
            try {
                Files.writeString(inTheWay, "a file where the job's staging directory must go");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        String prefix = "cannot write trajectories to " + runDir.resolve("trajectories") + ": ";
        assertTrue(stop.getMessage().startsWith(prefix) && stop.getMessage().contains(inTheWay.toString())
                && stop.getMessage().lines().count() == 1, stop.getMessage());
        assertIntact(runDir, 1);
        assertFalse(Files.exists(runDir.resolve("checkpoints/step-00000002")), "iteration 2 never finished");
    }

    /** Runs 2 iterations, injecting {@code fault} when iteration 2 starts; returns how the run stopped. */
    private static RunStoppedException runWithFault(Path runDir, Runnable fault) {
        TrainConfig config = TrainConfig.fromSets(FaultRuns.randomTinyRun(runDir, 2));
        SparkSession spark = FaultRuns.localSession();
        JobStartHook hook = JobStartHook.attach(spark, "iteration 2:", fault);
        RunStoppedException stop = assertThrows(RunStoppedException.class,
                () -> SparkTrainer.run(config, null, false, new PrintStream(new ByteArrayOutputStream())));
        assertTrue(hook.fired(), "the fault was injected");
        hook.check();
        return stop;
    }

    private static void assertIntact(Path runDir, int step) {
        Path dir = runDir.resolve(String.format("checkpoints/step-%08d", step));
        assertEquals(Optional.empty(), CheckpointManifest.verify(dir), dir.toString());
    }
}
