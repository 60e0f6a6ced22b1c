package io.cleave.report;

import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import io.cleave.model.io.ModelDirectory;
import io.cleave.tokenizer.CharTokenizer;
import io.cleave.tokenizer.HfTokenizer;
import io.cleave.tokenizer.Tokenizer;
import io.cleave.train.config.TrainConfig;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decodes a run's prompt token ids with the tokenizer of its starting model: the character tokenizer when the run's
 * {@code config.yaml} names no {@code model.dir} (a fresh preset) or the model directory's {@code config.json} says
 * so, else the directory's Hugging Face {@code tokenizer.json}. When none can be found, prompts decode to an empty
 * string (the report then shows no prompt text) and a warning is logged.
 */
final class PromptDecoder implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PromptDecoder.class);

    private final Tokenizer tokenizer;

    private PromptDecoder(Tokenizer tokenizer) {
        this.tokenizer = tokenizer;
    }

    /** The decoder of the run in {@code runDir}. */
    static PromptDecoder forRun(Path runDir) {
        try {
            return new PromptDecoder(tokenizer(runDir));
        } catch (RuntimeException | IOException e) {
            LOG.warn("prompts of {} are not decoded: {}", runDir, e.getMessage());
            return new PromptDecoder(null);
        }
    }

    private static Tokenizer tokenizer(Path runDir) throws IOException {
        Optional<Path> model = TrainConfig.load(runDir.resolve("config.yaml"), List.of()).model().dir();
        if (model.isEmpty()) {
            return CharTokenizer.instance();
        }
        try (Reader reader = Files.newBufferedReader(model.get().resolve("config.json"), StandardCharsets.UTF_8)) {
            JsonElement name = JsonParser.parseReader(reader).getAsJsonObject().get(ModelDirectory.TOKENIZER_KEY);
            if (name != null && "char".equals(name.getAsString())) {
                return CharTokenizer.instance();
            }
        }
        return HfTokenizer.load(model.get());
    }

    /** The prompt's text, or empty when the tokenizer is unknown. */
    String decode(int[] ids) {
        return tokenizer == null ? "" : tokenizer.decode(ids);
    }

    @Override
    public void close() {
        if (tokenizer instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                LOG.warn("closing the tokenizer failed: {}", e.getMessage());
            }
        }
    }
}
