package io.cleave.model.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.types.Shape;
import com.google.gson.Gson;
import io.cleave.model.ModelConfig;
import io.cleave.model.ParameterShapes;
import io.cleave.tokenizer.CharTokenizer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Model directories written byte by byte with one defect each (a missing tensor, a wrong shape, a cut header or
 * data section, a header whose offsets or entries lie, a config.json whose sizes lie): loading fails with a
 * {@link ModelLoadException} naming the file and, where one tensor is at fault, the tensor.
 */
class BadModelDirectoryTest {

    private static final ModelConfig TINY = ModelConfig.preset("tiny", CharTokenizer.instance().vocabSize());
    private static final Gson GSON = new Gson();

    @TempDir
    Path dir;

    private Map<String, Shape> shapes;

    @BeforeEach
    void writeAValidTinyModel() throws IOException {
        shapes = new LinkedHashMap<>(ParameterShapes.of(TINY));
        writeConfig(TINY.toHuggingFace());
        Files.write(weights(), safetensors(headerOf(shapes), dataBytes(shapes)));
        assertEquals(shapes.keySet(), ModelDirectory.readWeights(dir).keySet(), "the unbroken directory loads");
    }

    @Test
    void aMissingTensorIsNamed() throws IOException {
        String gone = "model.layers.1.mlp.up_proj.weight";
        shapes.remove(gone);
        Files.write(weights(), safetensors(headerOf(shapes), dataBytes(shapes)));
        assertFails("missing tensors [" + gone + "] (not in [model.safetensors]");
    }

    @Test
    void aTensorOfTheWrongShapeIsNamedWithBothShapes() throws IOException {
        String name = "model.layers.0.self_attn.q_proj.weight";
        Shape right = shapes.get(name);
        shapes.put(name, new Shape(right.get(1), right.get(0) / 2));
        Files.write(weights(), safetensors(headerOf(shapes), dataBytes(shapes)));
        assertFails(weights() + ": tensor " + name + " has shape (64, 32), expected " + right);
    }

    @Test
    void aFileCutInsideItsHeaderOrItsLengthIsTruncated() throws IOException {
        byte[] whole = Files.readAllBytes(weights());
        Files.write(weights(), Arrays.copyOf(whole, 100));
        assertFails(weights() + ": truncated safetensors file (the header needs ");
        Files.write(weights(), Arrays.copyOf(whole, 5));
        assertFails(weights() + ": truncated safetensors file (5 bytes, shorter than the 8-byte header length)");
        Files.write(weights(), new byte[0]);
        assertFails(weights() + ": truncated safetensors file (0 bytes");
    }

    @Test
    void aFileCutInsideItsDataNamesTheFirstTensorThatNoLongerFits() throws IOException {
        byte[] whole = Files.readAllBytes(weights());
        Files.write(weights(), Arrays.copyOf(whole, whole.length - 10));
        String last = shapes.keySet().stream().reduce((a, b) -> b).orElseThrow();
        assertFails(weights() + ": tensor " + last + ": data_offsets [");
        assertFails("lie outside the data section");
    }

    @Test
    void aHeaderWhoseOffsetsLieIsRefused() throws IOException {
        String name = "model.norm.weight";
        byte[] data = dataBytes(shapes);
        rewriteHeader(header -> header.put(name, entry("F32", shapes.get(name), 0, Long.MAX_VALUE - 4)), data);
        assertFails(weights() + ": tensor " + name + ": data_offsets [0, " + (Long.MAX_VALUE - 4) + "] lie outside");
        rewriteHeader(header -> header.put(name, entry("F32", shapes.get(name), 8, 4)), data);
        assertFails(weights() + ": tensor " + name + ": data_offsets [8, 4] lie outside");
        rewriteHeader(header -> header.put(name, entry("F32", shapes.get(name), 0, 8)), data);
        assertFails(weights() + ": tensor " + name + " has 8 bytes, its shape [64] needs 64 x 4");
        rewriteHeader(header -> header.put(name, Map.of("shape", List.of(64), "data_offsets", List.of(0, 256))), data);
        assertFails(weights() + ": tensor " + name + ": header entry has no dtype string");
        rewriteHeader(header -> header.put(name, Map.of("dtype", "F32", "shape", List.of("64"),
                "data_offsets", List.of(0, 256))), data);
        assertFails(weights() + ": tensor " + name + ": shape holds \"64\", not a non-negative integer");
        rewriteHeader(header -> header.put(name, Map.of("dtype", "F32", "shape", List.of(-64),
                "data_offsets", List.of(0, 256))), data);
        assertFails(weights() + ": tensor " + name + ": shape holds -64, not a non-negative integer");
        rewriteHeader(header -> header.put(name, entry("I64", shapes.get(name), 0, 512)), data);
        assertFails(weights() + ": tensor " + name + " has unsupported dtype I64 (supported: F32, F16, BF16)");
    }

    @Test
    void aHeaderThatIsNotJsonOrLiesAboutItsLengthIsRefused() throws IOException {
        byte[] notJson = "{\"model.norm.weight\": {\"dtype\": \"F32\", ".getBytes(StandardCharsets.UTF_8);
        Files.write(weights(), safetensors(notJson, new byte[0]));
        assertFails(weights() + ": safetensors header is not valid JSON (cut or corrupt)");
        Files.write(weights(), safetensors("[1, 2]".getBytes(StandardCharsets.UTF_8), new byte[0]));
        assertFails(weights() + ": safetensors header is not a JSON object");
        byte[] lying = Files.readAllBytes(weights());
        ByteBuffer.wrap(lying).order(ByteOrder.LITTLE_ENDIAN).putLong(0, -1L);
        Files.write(weights(), lying);
        assertFails(weights() + ": not a safetensors file (header length -1 is outside [1, 100000000])");
    }

    @Test
    void aConfigThatLiesAboutSizesNamesTheFirstTensorThatDisagrees() throws IOException {
        Map<String, Object> json = TINY.toHuggingFace();
        json.put("hidden_size", 128);
        writeConfig(json);
        assertFails(weights() + ": tensor model.embed_tokens.weight has shape (" + TINY.vocabSize()
                + ", 64), expected (" + TINY.vocabSize() + ", 128)");
        json = TINY.toHuggingFace();
        json.put("num_hidden_layers", 3);
        writeConfig(json);
        assertFails("missing tensors [model.layers.2.");
        json = TINY.toHuggingFace();
        json.put("vocab_size", 100_000);
        writeConfig(json);
        assertFails(weights() + ": tensor model.embed_tokens.weight has shape (" + TINY.vocabSize()
                + ", 64), expected (100000, 64)");
    }

    private void assertFails(String expectedPart) {
        ModelLoadException e = assertThrows(ModelLoadException.class, () -> ModelDirectory.readWeights(dir));
        assertTrue(e.getMessage().contains(expectedPart), e.getMessage());
    }

    private Path weights() {
        return dir.resolve("model.safetensors");
    }

    private void writeConfig(Map<String, Object> json) throws IOException {
        Map<String, Object> config = new LinkedHashMap<>(json);
        config.put(ModelDirectory.TOKENIZER_KEY, "char");
        Files.writeString(dir.resolve("config.json"), GSON.toJson(config));
    }

    private void rewriteHeader(Consumer<Map<String, Object>> change, byte[] data) throws IOException {
        Map<String, Object> header = header(shapes);
        change.accept(header);
        Files.write(weights(), safetensors(GSON.toJson(header).getBytes(StandardCharsets.UTF_8), data));
    }

    private static byte[] headerOf(Map<String, Shape> shapes) {
        return GSON.toJson(header(shapes)).getBytes(StandardCharsets.UTF_8);
    }

    /** F32 entries laid out one after another in map order. */
    private static Map<String, Object> header(Map<String, Shape> shapes) {
        Map<String, Object> header = new LinkedHashMap<>();
        long offset = 0;
        for (Map.Entry<String, Shape> e : shapes.entrySet()) {
            long bytes = e.getValue().size() * 4;
            header.put(e.getKey(), entry("F32", e.getValue(), offset, offset + bytes));
            offset += bytes;
        }
        return header;
    }

    private static Map<String, Object> entry(String dtype, Shape shape, long begin, long end) {
        return Map.of("dtype", dtype, "shape", Arrays.stream(shape.getShape()).boxed().toList(),
                "data_offsets", List.of(begin, end));
    }

    /** Zeros for every tensor, little-endian F32. */
    private static byte[] dataBytes(Map<String, Shape> shapes) {
        long total = shapes.values().stream().mapToLong(Shape::size).sum();
        return new byte[Math.toIntExact(total * 4)];
    }

    /** The 8-byte little-endian header length, the header, the data. */
    private static byte[] safetensors(byte[] header, byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(header.length).array());
        out.writeBytes(header);
        out.writeBytes(data);
        return out.toByteArray();
    }
}
