package io.cleave.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cleave.spark.train.SparkTrainer;
import io.cleave.train.config.TrainConfig;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run whose {@code run.dir} climbs with {@code ..} segments writes only under the normalised run directory (a
 * scan of the surrounding folder and of the working directory before and after the run), reports the directory it
 * resolved to, and a run directory whose {@code checkpoints} entry is a symbolic link to elsewhere is refused
 * before anything is written through it.
 */
class RunDirectoryConfinementIT {

    @TempDir
    Path tmp;

    @Test
    void aRunWithDotDotSegmentsWritesOnlyUnderItsNormalisedDirectory() throws Exception {
        Path parent = tmp.resolve("scan");
        Path data = parent.resolve("data/tasks.jsonl");
        Files.createDirectories(data.getParent());
        Files.writeString(data, "{\"id\":\"a\",\"prompt\":\"What is 2+3?\",\"answer\":\"5\"}\n"
                + "{\"id\":\"b\",\"prompt\":\"What is 3+4?\",\"answer\":\"7\"}\n{\"id\":\"a\"}\n");
        Set<Path> before = listing(parent);
        Set<String> cwdBefore = topLevel(Path.of(""));
        String escaping = parent + "/a/../b/../run";
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        SparkTrainer.run(config(escaping, data), null, false, new PrintStream(console, true, StandardCharsets.UTF_8));

        Path runDir = parent.resolve("run").toAbsolutePath().normalize();
        assertTrue(console.toString(StandardCharsets.UTF_8).contains("run.dir " + escaping + " resolves to " + runDir),
                console.toString(StandardCharsets.UTF_8));
        Set<Path> written = listing(parent);
        written.removeAll(before);
        assertFalse(written.isEmpty());
        for (Path p : written) {
            assertTrue(p.startsWith(runDir), p + " was written outside the run directory " + runDir);
        }
        assertTrue(written.contains(runDir.resolve("rejects/tasks.jsonl.rejects.jsonl")), "rejects: " + written);
        assertTrue(written.stream().anyMatch(p -> p.startsWith(runDir.resolve("checkpoints"))), "a checkpoint");
        assertTrue(written.stream().anyMatch(p -> p.startsWith(runDir.resolve("trajectories"))), "Parquet");
        assertFalse(Files.exists(parent.resolve("a")) || Files.exists(parent.resolve("b")), "no climbing folders");
        assertEquals(cwdBefore, topLevel(Path.of("")), "nothing new in the working directory");
    }

    @Test
    void aCheckpointsLinkOutOfTheRunDirectoryIsRefused() throws Exception {
        Path runDir = tmp.resolve("run");
        Path outside = tmp.resolve("elsewhere");
        Files.createDirectories(runDir);
        Files.createDirectories(outside);
        Files.createSymbolicLink(runDir.resolve("checkpoints"), outside);
        Path data = Files.writeString(tmp.resolve("tasks.jsonl"),
                "{\"id\":\"a\",\"prompt\":\"What is 2+3?\",\"answer\":\"5\"}\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SparkTrainer.run(
                config(runDir.toString(), data), null, false, new PrintStream(new ByteArrayOutputStream())));
        assertEquals(runDir.resolve("checkpoints") + " is a symbolic link or leads outside the run directory "
                + runDir + "; refusing to write through it", e.getMessage());
        try (Stream<Path> files = Files.list(outside)) {
            assertEquals(0, files.count(), "nothing written through the link");
        }
    }

    private static TrainConfig config(String runDir, Path data) {
        return TrainConfig.fromSets(List.of("run.dir=" + runDir, "run.iterations=1", "run.seed=2",
                "model.init-preset=tiny", "task.suite=jsonl", "task.options.path=" + data,
                "task.options.testFraction=0.01", "task.prompts-per-iteration=2", "task.eval-every=0",
                "rollout.max-new-tokens=32", "algorithm.recipe=grpo", "algorithm.branch.initial-samples=2",
                "algorithm.branch.budget=2", "checkpoint.every=1", "spark.master=local[1]"));
    }

    private static Set<Path> listing(Path dir) throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            return all.map(p -> p.toAbsolutePath().normalize()).collect(Collectors.toCollection(TreeSet::new));
        }
    }

    /** The working directory's entries, without the build output folder. */
    private static Set<String> topLevel(Path dir) throws IOException {
        try (Stream<Path> all = Files.list(dir)) {
            return all.map(p -> p.getFileName().toString()).filter(n -> !n.equals("target"))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
    }
}
