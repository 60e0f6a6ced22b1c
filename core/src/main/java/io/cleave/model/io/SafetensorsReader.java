package io.cleave.model.io;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads tensors of a safetensors file into float arrays: an 8-byte little-endian header length, a JSON header
 * ({@code name -> {dtype, shape, data_offsets}}), then raw little-endian data. F32, F16 and BF16 are converted to
 * float32; each tensor is memory-mapped on its own, so files may exceed 2 GB. (DJL's own decoder aborts the JVM on
 * BF16 tensors with PyTorch 2.7.1, so Cleave reads the format itself.)
 */
final class SafetensorsReader {

    /** A tensor's declared layout. */
    record Entry(String dtype, long[] shape, long begin, long end) {}

    private SafetensorsReader() {}

    /** The header of {@code file}: tensor name to layout, in file order. */
    static Map<String, Entry> header(FileChannel channel, Path file) throws IOException {
        ByteBuffer len = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
        channel.read(len, 0);
        long headerLength = len.flip().getLong();
        if (headerLength <= 0 || headerLength > Math.min(channel.size() - 8, 100_000_000L)) {
            throw new ModelLoadException(file + ": not a safetensors file (bad header length " + headerLength + ")");
        }
        ByteBuffer json = ByteBuffer.allocate((int) headerLength);
        channel.read(json, 8);
        JsonObject root = JsonParser.parseString(new String(json.array(), StandardCharsets.UTF_8)).getAsJsonObject();
        Map<String, Entry> entries = new LinkedHashMap<>();
        long dataStart = 8 + headerLength;
        for (Map.Entry<String, JsonElement> e : root.entrySet()) {
            if (e.getKey().equals("__metadata__")) {
                continue;
            }
            JsonObject t = e.getValue().getAsJsonObject();
            long[] shape = new long[t.getAsJsonArray("shape").size()];
            for (int i = 0; i < shape.length; i++) {
                shape[i] = t.getAsJsonArray("shape").get(i).getAsLong();
            }
            long begin = dataStart + t.getAsJsonArray("data_offsets").get(0).getAsLong();
            long end = dataStart + t.getAsJsonArray("data_offsets").get(1).getAsLong();
            if (end > channel.size() || begin > end) {
                throw new ModelLoadException(file + ": tensor " + e.getKey() + " lies outside the file");
            }
            entries.put(e.getKey(), new Entry(t.get("dtype").getAsString(), shape, begin, end));
        }
        return entries;
    }

    /** Reads one tensor as float32 values. */
    static float[] read(FileChannel channel, Path file, String name, Entry entry) throws IOException {
        long count = 1;
        for (long d : entry.shape()) {
            count *= d;
        }
        int width = switch (entry.dtype()) {
            case "F32" -> 4;
            case "F16", "BF16" -> 2;
            default -> throw new ModelLoadException(file + ": tensor " + name + " has unsupported dtype "
                    + entry.dtype() + " (supported: F32, F16, BF16)");
        };
        if (count * width != entry.end() - entry.begin()) {
            throw new ModelLoadException(file + ": tensor " + name + " has " + (entry.end() - entry.begin())
                    + " bytes, its shape needs " + count * width);
        }
        MappedByteBuffer data = channel.map(FileChannel.MapMode.READ_ONLY, entry.begin(), entry.end() - entry.begin());
        data.order(ByteOrder.LITTLE_ENDIAN);
        float[] out = new float[Math.toIntExact(count)];
        for (int i = 0; i < out.length; i++) {
            out[i] = switch (entry.dtype()) {
                case "F32" -> data.getFloat();
                case "BF16" -> Float.intBitsToFloat((data.getShort() & 0xFFFF) << 16);
                default -> halfToFloat(data.getShort());
            };
        }
        return out;
    }

    /** IEEE 754 binary16 to float32 (Java 17 has no {@code Float.float16ToFloat}). */
    static float halfToFloat(short half) {
        int bits = half & 0xFFFF;
        int sign = (bits & 0x8000) << 16;
        int exponent = (bits >>> 10) & 0x1F;
        int mantissa = bits & 0x3FF;
        if (exponent == 0x1F) {
            return Float.intBitsToFloat(sign | 0x7F800000 | (mantissa << 13));
        }
        if (exponent == 0) {
            float magnitude = mantissa * 0x1p-24f;
            return sign == 0 ? magnitude : -magnitude;
        }
        return Float.intBitsToFloat(sign | ((exponent + 112) << 23) | (mantissa << 13));
    }

    /** Opens {@code file} for reading. */
    static FileChannel open(Path file) throws IOException {
        return FileChannel.open(file, StandardOpenOption.READ);
    }
}
