package io.cleave.train.checkpoint;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.cleave.model.TorchRuntime;
import io.cleave.model.io.SafetensorsFile;
import io.cleave.optim.AdamW;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * AdamW moments as a safetensors file ({@code optimizer.safetensors}): one F32 tensor {@code m.NAME} (first
 * moment) and one {@code v.NAME} (second moment) per parameter {@code NAME}, each with the parameter's shape. The
 * step count that drives bias correction is kept in {@link TrainerState#optimizerSteps()}.
 */
public final class OptimizerCheckpoint {

    /** File name inside a checkpoint directory. */
    public static final String FILE_NAME = "optimizer.safetensors";

    private OptimizerCheckpoint() {}

    /**
     * Writes the moments of {@code optimizer} to {@code file}.
     *
     * @param shapes shape of every parameter, by name
     */
    public static void write(Path file, AdamW optimizer, Map<String, Shape> shapes) throws IOException {
        try (NDManager manager = TorchRuntime.newManager(); OutputStream out = Files.newOutputStream(file)) {
            NDList list = new NDList();
            for (Map.Entry<String, float[]> e : optimizer.exportMoments().entrySet()) {
                NDArray array = manager.create(e.getValue(), shapes.get(parameterName(e.getKey())));
                array.setName(e.getKey());
                list.add(array);
            }
            list.encode(out, NDList.Encoding.SAFETENSORS);
        }
    }

    /**
     * Restores {@code optimizer} from {@code file}, checking that every parameter has both moments with its shape and
     * that the file holds nothing else.
     *
     * @param shapes shape of every parameter the optimizer updates, by name
     * @param optimizerSteps the step count the moments were taken at
     * @throws IllegalArgumentException naming the file and the tensor that does not fit
     */
    public static void restore(Path file, AdamW optimizer, Map<String, Shape> shapes, long optimizerSteps) {
        Map<String, SafetensorsFile.Tensor> tensors = SafetensorsFile.read(file);
        for (Map.Entry<String, SafetensorsFile.Tensor> e : tensors.entrySet()) {
            Shape expected = shapes.get(parameterName(e.getKey()));
            if (expected == null || !(e.getKey().startsWith("m.") || e.getKey().startsWith("v."))) {
                throw new IllegalArgumentException(file + ": tensor " + e.getKey()
                        + " is not the moment of a parameter of this model");
            }
            if (!Arrays.equals(expected.getShape(), e.getValue().shape())) {
                throw new IllegalArgumentException(file + ": tensor " + e.getKey() + " has shape "
                        + new Shape(e.getValue().shape()) + ", the parameter has " + expected);
            }
        }
        Map<String, float[]> moments = new LinkedHashMap<>();
        tensors.forEach((name, t) -> moments.put(name, t.values()));
        try {
            optimizer.restore(moments, optimizerSteps);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
        }
    }

    private static String parameterName(String momentName) {
        return momentName.length() > 2 ? momentName.substring(2) : momentName;
    }
}
