package io.cleave.model.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import io.cleave.model.ModelConfig;
import io.cleave.model.ParameterShapes;
import io.cleave.model.Policy;
import io.cleave.tokenizer.CharTokenizer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Round trips of Cleave checkpoints and loading of Hugging Face-format directories written by the test. */
class ModelDirectoryTest {

    private static final int[][] PROBE = {CharTokenizer.instance().encode("<calc>1+2</calc>"),
            CharTokenizer.instance().encode("ok")};

    @TempDir
    Path tmp;

    @Test
    void aSavedCheckpointLoadsWithIdenticalLogits() throws IOException {
        try (Policy original = Policy.initialize(ModelConfig.preset("tiny", 99), CharTokenizer.instance(), 4)) {
            ModelDirectory.save(original, tmp.resolve("ckpt"), null);
            try (Policy loaded = ModelDirectory.load(tmp.resolve("ckpt"))) {
                assertEquals(original.config(), loaded.config());
                assertArrayEquals(logits(original), logits(loaded), 0f);
            }
        }
    }

    @Test
    void aShardedHalfPrecisionQwen2DirectoryLoadsWithTheLogitsOfItsSource() throws IOException {
        ModelConfig qwen = new ModelConfig(120, 32, 2, 4, 2, 48, 64, 1000000.0, 1e-6, true, false);
        try (Policy source = Policy.initialize(qwen, CharTokenizer.instance(), 9)) {
            Path dir = tmp.resolve("hf");
            Files.createDirectories(dir);
            Map<String, Object> config = qwen.toHuggingFace();
            config.put(ModelDirectory.TOKENIZER_KEY, "char");
            Files.writeString(dir.resolve("config.json"), ConfigFile.toJson(config));
            Map<String, float[]> weights = source.weights();
            List<String> names = new ArrayList<>(weights.keySet());
            Map<String, String> weightMap = new LinkedHashMap<>();
            List<RawSafetensors.Tensor> first = new ArrayList<>();
            List<RawSafetensors.Tensor> second = new ArrayList<>();
            for (int i = 0; i < names.size(); i++) {
                String name = names.get(i);
                float[] values = weights.get(name);
                boolean bf16 = i % 2 == 0;
                if (bf16) {
                    for (int j = 0; j < values.length; j++) {
                        values[j] = RawSafetensors.bf16(values[j]);
                    }
                }
                String shard = i < names.size() / 2 ? "model-00001-of-00002.safetensors"
                        : "model-00002-of-00002.safetensors";
                (i < names.size() / 2 ? first : second).add(new RawSafetensors.Tensor(name,
                        ParameterShapes.of(qwen).get(name).getShape(), values, bf16));
                weightMap.put(name, shard);
            }
            second.add(new RawSafetensors.Tensor("model.rotary_emb.inv_freq", new long[] {4}, new float[4], false));
            RawSafetensors.write(dir.resolve("model-00001-of-00002.safetensors"), first);
            RawSafetensors.write(dir.resolve("model-00002-of-00002.safetensors"), second);
            Files.writeString(dir.resolve("model.safetensors.index.json"),
                    ConfigFile.toJson(Map.of("metadata", Map.of(), "weight_map", weightMap)));
            source.loadWeights(weights);
            try (Policy loaded = ModelDirectory.load(dir)) {
                assertArrayEquals(logits(source), logits(loaded), 0f);
            }
        }
    }

    @Test
    void userErrorsNameTheFileAndTheProblem() throws IOException {
        assertMessage(tmp.resolve("absent"), "model directory not found");
        Path bad = Files.createDirectories(tmp.resolve("bad"));
        Files.writeString(bad.resolve("config.json"), "{ \"hidden_size\": 32, ");
        assertMessage(bad, "config.json: malformed JSON");
        Path gpt = Files.createDirectories(tmp.resolve("gpt"));
        Files.writeString(gpt.resolve("config.json"), "{\"architectures\": [\"GPT2LMHeadModel\"]}");
        assertMessage(gpt, "unsupported architecture GPT2LMHeadModel");
        Path small = Files.createDirectories(tmp.resolve("small-vocab"));
        Map<String, Object> config = ModelConfig.preset("tiny", 50).toHuggingFace();
        config.put(ModelDirectory.TOKENIZER_KEY, "char");
        Files.writeString(small.resolve("config.json"), ConfigFile.toJson(config));
        assertMessage(small, "tokenizer has 99 tokens but config.json has vocab_size 50");
        try (Policy p = Policy.initialize(ModelConfig.preset("tiny", 99), CharTokenizer.instance(), 1)) {
            Path partial = tmp.resolve("partial");
            ModelDirectory.save(p, partial, null);
            Map<String, Object> untied = new LinkedHashMap<>(ConfigFile.read(partial.resolve("config.json")));
            untied.put("tie_word_embeddings", false);
            Files.writeString(partial.resolve("config.json"), ConfigFile.toJson(untied));
            assertMessage(partial, "missing tensors [lm_head.weight]");
        }
    }

    private static void assertMessage(Path dir, String expected) {
        ModelLoadException e = assertThrows(ModelLoadException.class, () -> ModelDirectory.load(dir));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }

    private static float[] logits(Policy policy) {
        try (NDManager step = policy.manager().newSubManager()) {
            return policy.logits(step, PROBE).toFloatArray();
        }
    }
}
