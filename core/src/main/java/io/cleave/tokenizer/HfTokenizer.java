package io.cleave.tokenizer;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * A Hugging Face {@code tokenizer.json} through DJL's tokenizers package. The end-of-text and padding tokens come
 * from {@code tokenizer_config.json} beside it ({@code eos_token}, {@code pad_token}) when present, otherwise
 * from well-known names ({@code <|endoftext|>}, {@code </s>}).
 */
public final class HfTokenizer implements Tokenizer, AutoCloseable {

    private final HuggingFaceTokenizer tokenizer;
    private final int vocabSize;
    private final int eosId;
    private final int padId;

    private HfTokenizer(HuggingFaceTokenizer tokenizer, int vocabSize, int eosId, int padId) {
        this.tokenizer = tokenizer;
        this.vocabSize = vocabSize;
        this.eosId = eosId;
        this.padId = padId;
    }

    /**
     * Loads {@code dir/tokenizer.json} (and {@code dir/tokenizer_config.json} when present).
     *
     * @throws IOException when a file cannot be read
     * @throws IllegalArgumentException when the files are malformed or no end-of-text token can be found
     */
    public static HfTokenizer load(Path dir) throws IOException {
        Path file = dir.resolve("tokenizer.json");
        Map<String, Integer> special = new HashMap<>();
        int maxId;
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            JsonObject json = JsonParser.parseReader(reader).getAsJsonObject();
            JsonObject vocab = json.getAsJsonObject("model").getAsJsonObject("vocab");
            maxId = -1;
            for (Map.Entry<String, JsonElement> e : vocab.entrySet()) {
                maxId = Math.max(maxId, e.getValue().getAsInt());
            }
            if (json.has("added_tokens")) {
                for (JsonElement t : json.getAsJsonArray("added_tokens")) {
                    JsonObject token = t.getAsJsonObject();
                    int id = token.get("id").getAsInt();
                    special.put(token.get("content").getAsString(), id);
                    maxId = Math.max(maxId, id);
                }
            }
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(file + ": not a Hugging Face tokenizer.json (" + e.getMessage() + ")", e);
        }
        Path configFile = dir.resolve("tokenizer_config.json");
        JsonObject config = Files.exists(configFile)
                ? JsonParser.parseString(Files.readString(configFile)).getAsJsonObject() : new JsonObject();
        int eos = idOf(config, "eos_token", special, "<|endoftext|>", "</s>");
        if (eos < 0) {
            throw new IllegalArgumentException(file + ": cannot tell the end-of-text token: set eos_token in "
                    + "tokenizer_config.json");
        }
        int pad = idOf(config, "pad_token", special, "<|endoftext|>", "<pad>");
        Map<String, String> options = Map.of("addSpecialTokens", "false");
        HuggingFaceTokenizer hf = HuggingFaceTokenizer.newInstance(file, options);
        return new HfTokenizer(hf, maxId + 1, eos, pad < 0 ? eos : pad);
    }

    private static int idOf(JsonObject config, String key, Map<String, Integer> special, String... fallbacks) {
        JsonElement value = config.get(key);
        String name = null;
        if (value != null && value.isJsonPrimitive()) {
            name = value.getAsString();
        } else if (value != null && value.isJsonObject() && value.getAsJsonObject().has("content")) {
            name = value.getAsJsonObject().get("content").getAsString();
        }
        if (name != null && special.containsKey(name)) {
            return special.get(name);
        }
        for (String fallback : fallbacks) {
            if (special.containsKey(fallback)) {
                return special.get(fallback);
            }
        }
        return -1;
    }

    @Override
    public int[] encode(String text) {
        long[] ids = tokenizer.encode(text, false, false).getIds();
        int[] out = new int[ids.length];
        for (int i = 0; i < ids.length; i++) {
            out[i] = Math.toIntExact(ids[i]);
        }
        return out;
    }

    @Override
    public String decode(int[] ids) {
        long[] longs = new long[ids.length];
        for (int i = 0; i < ids.length; i++) {
            longs[i] = ids[i];
        }
        return tokenizer.decode(longs, true);
    }

    @Override
    public int vocabSize() {
        return vocabSize;
    }

    @Override
    public int eosId() {
        return eosId;
    }

    @Override
    public int padId() {
        return padId;
    }

    @Override
    public void close() {
        tokenizer.close();
    }
}
