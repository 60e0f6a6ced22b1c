package io.cleave.model.io;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import io.cleave.model.ModelConfig;
import io.cleave.model.Policy;
import io.cleave.model.TorchRuntime;
import io.cleave.tokenizer.CharTokenizer;
import io.cleave.tokenizer.HfTokenizer;
import io.cleave.tokenizer.Tokenizer;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;

/**
 * Reads and writes model directories. Cleave's own directories are Hugging Face directories: {@code config.json}
 * (Llama/Qwen2 fields, plus {@code cleave_tokenizer: "char"} for the built-in character tokenizer),
 * {@code model.safetensors}, and {@code tokenizer.json} when the tokenizer is a Hugging Face one. Reading also
 * accepts sharded weights ({@code model.safetensors.index.json}) and half-precision tensors (converted to float32).
 */
public final class ModelDirectory {

    /** Key in {@code config.json} naming Cleave's built-in tokenizer. */
    public static final String TOKENIZER_KEY = "cleave_tokenizer";

    private ModelDirectory() {}

    /**
     * Loads a policy from {@code dir}.
     *
     * @throws ModelLoadException naming the file and the problem, for every user error
     */
    public static Policy load(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new ModelLoadException("model directory not found: " + dir);
        }
        Map<String, Object> configJson = ConfigFile.read(dir.resolve("config.json"));
        ModelConfig config;
        try {
            config = ModelConfig.fromHuggingFace(configJson, dir.resolve("config.json").toString());
        } catch (IllegalArgumentException e) {
            throw new ModelLoadException(e.getMessage(), e);
        }
        Tokenizer tokenizer = tokenizer(dir, configJson);
        if (tokenizer.vocabSize() > config.vocabSize()) {
            throw new ModelLoadException(dir + ": tokenizer has " + tokenizer.vocabSize()
                    + " tokens but config.json has vocab_size " + config.vocabSize());
        }
        Map<String, float[]> weights = SafetensorsWeights.read(dir, config);
        return Policy.withWeights(config, tokenizer, weights);
    }

    /** Reads only the weights of the model in {@code dir} (host arrays by Hugging Face name). */
    public static Map<String, float[]> readWeights(Path dir) {
        return SafetensorsWeights.read(dir, readConfig(dir));
    }

    /** Loads only the architecture of the model in {@code dir}. */
    public static ModelConfig readConfig(Path dir) {
        Path file = dir.resolve("config.json");
        try {
            return ModelConfig.fromHuggingFace(ConfigFile.read(file), file.toString());
        } catch (IllegalArgumentException e) {
            throw new ModelLoadException(e.getMessage(), e);
        }
    }

    private static Tokenizer tokenizer(Path dir, Map<String, Object> configJson) {
        if ("char".equals(configJson.get(TOKENIZER_KEY))) {
            return CharTokenizer.instance();
        }
        if (Files.exists(dir.resolve("tokenizer.json"))) {
            try {
                return HfTokenizer.load(dir);
            } catch (IOException | IllegalArgumentException e) {
                throw new ModelLoadException(dir.resolve("tokenizer.json") + ": " + e.getMessage(), e);
            }
        }
        throw new ModelLoadException(dir + ": no tokenizer.json and no \"" + TOKENIZER_KEY
                + "\" entry in config.json");
    }

    /**
     * Writes {@code policy} to {@code dir} (created if needed): config, weights, and the tokenizer files copied from
     * {@code tokenizerSource} when the policy uses a Hugging Face tokenizer. Files are written under temporary names
     * and renamed into place.
     */
    public static void save(Policy policy, Path dir, Path tokenizerSource) throws IOException {
        Files.createDirectories(dir);
        Map<String, Object> json = policy.config().toHuggingFace();
        if (policy.tokenizer() instanceof CharTokenizer) {
            json.put(TOKENIZER_KEY, "char");
        } else {
            if (tokenizerSource == null) {
                throw new IllegalArgumentException("a Hugging Face tokenizer needs its source directory to be saved");
            }
            for (String name : new String[] {"tokenizer.json", "tokenizer_config.json"}) {
                Path source = tokenizerSource.resolve(name);
                if (Files.exists(source) && !source.equals(dir.resolve(name))) {
                    Files.copy(source, dir.resolve(name), StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        writeAtomically(dir.resolve("model.safetensors"), out -> {
            try (NDManager manager = TorchRuntime.newManager()) {
                NDList list = new NDList();
                for (Map.Entry<String, float[]> e : policy.weights().entrySet()) {
                    NDArray array = manager.create(e.getValue(),
                            policy.model().expectedShapes().get(e.getKey()));
                    array.setName(e.getKey());
                    list.add(array);
                }
                list.encode(out, NDList.Encoding.SAFETENSORS);
            }
        });
        writeAtomically(dir.resolve("config.json"), out -> out.write(ConfigFile.toJson(json).getBytes()));
    }

    /** Writes through a temporary file in the same directory, then renames it over {@code target}. */
    static void writeAtomically(Path target, Writer writer) throws IOException {
        Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
        try (OutputStream out = Files.newOutputStream(tmp)) {
            writer.write(out);
        }
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Something that writes a file's bytes. */
    @FunctionalInterface
    interface Writer {
        void write(OutputStream out) throws IOException;
    }
}
