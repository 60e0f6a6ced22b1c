package io.cleave.model.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes safetensors files byte by byte from the format's specification (8-byte little-endian header length,
 * JSON header with dtype/shape/data_offsets, raw little-endian data), independently of DJL, so the reader is
 * tested against files it did not write. Supports F32 and BF16 (the upper half of each float32).
 */
final class RawSafetensors {

    /** One tensor to write. */
    record Tensor(String name, long[] shape, float[] values, boolean bf16) {}

    private RawSafetensors() {}

    static void write(Path file, List<Tensor> tensors) throws IOException {
        Map<String, Object> header = new LinkedHashMap<>();
        long offset = 0;
        for (Tensor t : tensors) {
            long bytes = (long) t.values().length * (t.bf16() ? 2 : 4);
            header.put(t.name(), Map.of("dtype", t.bf16() ? "BF16" : "F32", "shape", t.shape(),
                    "data_offsets", new long[] {offset, offset + bytes}));
            offset += bytes;
        }
        byte[] json = new com.google.gson.Gson().toJson(header).getBytes(StandardCharsets.UTF_8);
        ByteBuffer buffer = ByteBuffer.allocate(Math.toIntExact(8 + json.length + offset)).order(ByteOrder.LITTLE_ENDIAN);
        buffer.putLong(json.length).put(json);
        for (Tensor t : tensors) {
            for (float v : t.values()) {
                if (t.bf16()) {
                    buffer.putShort((short) (Float.floatToIntBits(v) >>> 16));
                } else {
                    buffer.putFloat(v);
                }
            }
        }
        Files.write(file, buffer.array());
    }

    /** The value a float becomes after a round trip through BF16 (truncation, as written above). */
    static float bf16(float v) {
        return Float.intBitsToFloat(Float.floatToIntBits(v) & 0xFFFF0000);
    }
}
