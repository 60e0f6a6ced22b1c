package io.cleave.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CLI end to end in-process: init, generate, score, and one-line errors for bad input. */
class CleaveCliTest {

    @TempDir
    Path tmp;

    @Test
    void initThenGenerateAndScore() throws Exception {
        Path model = tmp.resolve("m");
        assertEquals(0, CleaveCli.run("init", "--preset", "tiny", "--out", model.toString(), "--seed", "3"));
        assertTrue(Files.exists(model.resolve("model.safetensors")));
        CliRun gen = CliRun.of("generate", "--model", model.toString(), "--prompt", "Q: 1+1?", "--max-new-tokens",
                "10", "--seed", "5");
        CliRun again = CliRun.of("generate", "--model", model.toString(), "--prompt", "Q: 1+1?",
                "--max-new-tokens", "10", "--seed", "5");
        assertEquals(0, gen.code());
        assertEquals(gen.out(), again.out(), "same seed, same continuation");
        CliRun score = CliRun.of("score", "--model", model.toString(), "--ids", "5,6,7");
        assertEquals(0, score.code());
        assertTrue(score.out().contains("\"next_token\": 7"), score.out());
        assertEquals(2, score.out().split("\"logprob\"").length - 1);
    }

    @Test
    void userErrorsAreOneLineWithoutStackTraces() throws Exception {
        CliRun missing = CliRun.of("generate", "--model", tmp.resolve("none").toString(), "--prompt", "x");
        assertEquals(CleaveCli.USER_ERROR, missing.code());
        assertEquals("error: model directory not found: " + tmp.resolve("none"), missing.err().strip());
        Path model = tmp.resolve("m");
        CleaveCli.run("init", "--preset", "tiny", "--out", model.toString());
        CliRun tooLong = CliRun.of("generate", "--model", model.toString(), "--prompt", "a".repeat(600));
        assertEquals(CleaveCli.USER_ERROR, tooLong.code());
        assertTrue(tooLong.err().contains("prompt 0 has 600 tokens; the model's context is 512 tokens"), tooLong.err());
        assertFalse(tooLong.err().contains("\tat "), "no stack trace");
        CliRun badIds = CliRun.of("score", "--model", model.toString(), "--ids", "1,500");
        assertTrue(badIds.err().contains("token id 500 is outside the vocabulary"), badIds.err());
        CliRun preset = CliRun.of("init", "--preset", "huge", "--out", tmp.resolve("h").toString());
        assertTrue(preset.err().contains("unknown preset 'huge'; known presets: [tiny, small, medium]"), preset.err());
    }


}
