package io.cleave.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code cleave sft --worlds}: demonstrations from several multihop worlds, refused for other suites. */
class SftCommandTest {

    @TempDir
    Path tmp;

    @Test
    void trainsOnDemonstrationsFromSeveralWorlds() {
        Path out = tmp.resolve("mh");
        CliRun run = CliRun.of("sft", "--suite", "multihop", "--option", "people=24", "--preset", "tiny",
                "--worlds", "3", "--examples", "6", "--steps", "2", "--batch", "2", "--out", out.toString());
        assertEquals(0, run.code(), run.err());
        assertTrue(Files.exists(out.resolve("model.safetensors")));
        assertTrue(run.out().contains("2 steps"), run.out());
    }

    @Test
    void refusesWorldsForASuiteWithoutWorldsAndBelowOne() {
        CliRun arith = CliRun.of("sft", "--suite", "arith", "--preset", "tiny", "--worlds", "2", "--out",
                tmp.resolve("a").toString());
        assertNotEquals(0, arith.code());
        assertTrue(arith.err().contains("--worlds applies to the multihop suite only, not arith"), arith.err());
        CliRun zero = CliRun.of("sft", "--suite", "multihop", "--preset", "tiny", "--worlds", "0", "--out",
                tmp.resolve("z").toString());
        assertNotEquals(0, zero.code());
        assertTrue(zero.err().contains("--worlds must be >= 1, got 0"), zero.err());
        assertTrue(Files.notExists(tmp.resolve("a")) && Files.notExists(tmp.resolve("z")));
    }
}
