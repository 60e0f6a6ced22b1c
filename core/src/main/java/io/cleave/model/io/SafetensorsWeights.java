package io.cleave.model.io;

import ai.djl.ndarray.types.Shape;
import io.cleave.model.ModelConfig;
import io.cleave.model.ParameterShapes;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a model's tensors from {@code model.safetensors} or from the shards listed in
 * {@code model.safetensors.index.json} with {@link SafetensorsReader}, converts them to float32 and checks every expected tensor is present with
 * its expected shape. Tensors the architecture does not use (a tied {@code lm_head}, rotary buffers) are ignored.
 */
final class SafetensorsWeights {

    private static final String SINGLE = "model.safetensors";
    private static final String INDEX = "model.safetensors.index.json";

    private SafetensorsWeights() {}

    static Map<String, float[]> read(Path dir, ModelConfig config) {
        Map<String, Shape> expected = ParameterShapes.of(config);
        Map<String, float[]> found = new LinkedHashMap<>();
        List<Path> files = files(dir);
        for (Path file : files) {
            try (FileChannel channel = SafetensorsReader.open(file)) {
                for (Map.Entry<String, SafetensorsReader.Entry> e : SafetensorsReader.header(channel, file).entrySet()) {
                    String name = e.getKey();
                    Shape shape = expected.get(name);
                    if (shape == null) {
                        continue;
                    }
                    if (!shape.equals(new Shape(e.getValue().shape()))) {
                        throw new ModelLoadException(file + ": tensor " + name + " has shape "
                                + new Shape(e.getValue().shape()) + ", expected " + shape);
                    }
                    found.put(name, SafetensorsReader.read(channel, file, name, e.getValue()));
                }
            } catch (IOException | RuntimeException e) {
                if (e instanceof ModelLoadException m) {
                    throw m;
                }
                throw new ModelLoadException(file + ": not a readable safetensors file (" + e.getMessage() + ")", e);
            }
        }
        List<String> missing = new ArrayList<>();
        for (String name : expected.keySet()) {
            if (!found.containsKey(name)) {
                missing.add(name);
            }
        }
        if (!missing.isEmpty()) {
            throw new ModelLoadException(dir + ": missing tensors " + (missing.size() > 5
                    ? missing.subList(0, 5) + " and " + (missing.size() - 5) + " more" : missing) + " (not in "
                    + files.stream().map(f -> f.getFileName().toString()).toList() + "; config.json expects them)");
        }
        Map<String, float[]> ordered = new LinkedHashMap<>();
        expected.keySet().forEach(name -> ordered.put(name, found.get(name)));
        return ordered;
    }

    private static List<Path> files(Path dir) {
        Path index = dir.resolve(INDEX);
        if (Files.exists(index)) {
            Object map = ConfigFile.read(index).get("weight_map");
            if (!(map instanceof Map<?, ?> weightMap)) {
                throw new ModelLoadException(index + ": no weight_map object");
            }
            Set<String> shards = new LinkedHashSet<>();
            weightMap.values().forEach(v -> shards.add(String.valueOf(v)));
            List<Path> paths = new ArrayList<>();
            for (String shard : shards) {
                Path p = dir.resolve(shard).normalize();
                if (!p.startsWith(dir.normalize()) || p.equals(dir.normalize())) {
                    throw new ModelLoadException(index + ": shard " + shard + " is not a file inside " + dir);
                }
                if (!Files.exists(p)) {
                    throw new ModelLoadException(index + ": shard " + shard + " does not exist");
                }
                paths.add(p);
            }
            return paths;
        }
        Path single = dir.resolve(SINGLE);
        if (!Files.exists(single)) {
            throw new ModelLoadException(dir + ": no " + SINGLE + " or " + INDEX);
        }
        return List.of(single);
    }
}
