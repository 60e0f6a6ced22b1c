package io.cleave.model.io;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads every tensor of one safetensors file as float32 (F32, F16 and BF16 are accepted), for files that are not
 * model weights, such as optimizer state. Model weights go through {@link ModelDirectory}.
 */
public final class SafetensorsFile {

    /**
     * One tensor.
     *
     * @param shape dimensions in file order
     * @param values row-major float32 values
     */
    public record Tensor(long[] shape, float[] values) {}

    private SafetensorsFile() {}

    /**
     * Every tensor of {@code file} by name, in file order.
     *
     * @throws ModelLoadException naming the file and the problem
     */
    public static Map<String, Tensor> read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new ModelLoadException("missing " + file);
        }
        Map<String, Tensor> out = new LinkedHashMap<>();
        try (FileChannel channel = SafetensorsReader.open(file)) {
            for (Map.Entry<String, SafetensorsReader.Entry> e : SafetensorsReader.header(channel, file).entrySet()) {
                out.put(e.getKey(), new Tensor(e.getValue().shape(),
                        SafetensorsReader.read(channel, file, e.getKey(), e.getValue())));
            }
        } catch (ModelLoadException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new ModelLoadException(file + ": not a readable safetensors file (" + e.getMessage() + ")", e);
        }
        return out;
    }
}
