package io.cleave.train.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunPathsTest {

    @TempDir
    Path tmp;

    @Test
    void namesInsideTheRunDirectoryResolveAndDotDotIsNormalised() {
        Path run = tmp.resolve("x/../run");
        assertEquals(tmp.resolve("run"), RunPaths.normalise(run));
        assertEquals(tmp.resolve("run/rejects/a.jsonl.rejects.jsonl"),
                RunPaths.inside(run, "rejects/a.jsonl.rejects.jsonl"));
        assertEquals(tmp.resolve("run/b"), RunPaths.inside(run, "a/../b"));
    }

    @Test
    void namesThatLeaveTheRunDirectoryAreRefused() {
        Path run = tmp.resolve("run");
        for (String escape : new String[] {"../x", "a/../../x", tmp.resolve("other").toString(), ".", ""}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> RunPaths.inside(run, escape));
            assertEquals("'" + escape + "' is not a path inside the run directory " + run, e.getMessage());
        }
    }

    @Test
    void aSymbolicLinkOnTheWayIsRefusedEvenWhenItPointsInside() throws IOException {
        Path run = Files.createDirectories(tmp.resolve("run"));
        Path outside = Files.createDirectories(tmp.resolve("outside"));
        Files.createSymbolicLink(run.resolve("checkpoints"), outside);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RunPaths.inside(run, "checkpoints/step-1"));
        assertEquals(run.resolve("checkpoints") + " is a symbolic link or leads outside the run directory " + run
                + "; refusing to write through it", e.getMessage());
        Files.createDirectories(run.resolve("real"));
        Files.createSymbolicLink(run.resolve("alias"), run.resolve("real"));
        assertThrows(IllegalArgumentException.class, () -> RunPaths.inside(run, "alias/file"));
    }
}
