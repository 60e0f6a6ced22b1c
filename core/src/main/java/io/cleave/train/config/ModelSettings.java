package io.cleave.train.config;

import io.cleave.model.ModelConfig;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * The policy a run starts from.
 *
 * @param dir model directory to start from (key {@code model.dir}): a Cleave checkpoint (for example the output
 *     of supervised fine-tuning) or a Hugging Face Llama/Qwen2 directory; empty to start from fresh weights
 * @param initPreset architecture of fresh weights when {@code dir} is empty (key {@code model.init-preset}), one
 *     of {@link ModelConfig#PRESETS}, with the character tokenizer; ignored when {@code dir} is set
 */
public record ModelSettings(Optional<Path> dir, String initPreset) {

    /** No model directory, fresh {@code small} weights. */
    public static ModelSettings defaults() {
        return new ModelSettings(Optional.empty(), "small");
    }

    /** Validates every field; messages name the key. */
    public ModelSettings {
        Objects.requireNonNull(dir, "model.dir");
        if (dir.isPresent() && dir.get().toString().isBlank()) {
            throw new IllegalArgumentException("model.dir must not be blank (leave it empty for fresh weights)");
        }
        if (initPreset == null || !ModelConfig.PRESETS.contains(initPreset)) {
            throw new IllegalArgumentException("model.init-preset must be one of " + ModelConfig.PRESETS + ", got '"
                    + initPreset + "'");
        }
    }
}
