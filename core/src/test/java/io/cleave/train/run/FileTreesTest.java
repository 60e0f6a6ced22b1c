package io.cleave.train.run;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileTreesTest {

    @TempDir
    Path tmp;

    @Test
    void deletesANestedTreeAndLeavesItsNeighbours() throws IOException {
        Path tree = Files.createDirectories(tmp.resolve("run/checkpoints/step-1"));
        Files.writeString(tree.resolve("model.safetensors"), "w");
        Files.writeString(tmp.resolve("run/metrics.jsonl"), "{}");
        Path neighbour = Files.writeString(tmp.resolve("keep.txt"), "k");

        FileTrees.delete(tmp.resolve("run"));

        assertTrue(Files.notExists(tmp.resolve("run")));
        assertTrue(Files.exists(neighbour));
    }

    @Test
    void aMissingDirectoryIsNothingToDo() throws IOException {
        FileTrees.delete(tmp.resolve("absent"));
        assertTrue(Files.notExists(tmp.resolve("absent")));
    }
}
