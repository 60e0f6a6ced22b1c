package io.cleave.model.io;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads tensors of a safetensors file into float arrays: an 8-byte little-endian header length, a JSON header
 * ({@code name -> {dtype, shape, data_offsets}}), then raw little-endian data. F32, F16 and BF16 are converted to
 * float32; each tensor is memory-mapped on its own, so files may exceed 2 GB. (DJL's own decoder aborts the JVM on
 * BF16 tensors with PyTorch 2.7.1, so Cleave reads the format itself.)
 */
final class SafetensorsReader {

    /** Largest header accepted, in bytes. */
    static final long MAX_HEADER_BYTES = 100_000_000L;

    /** A tensor's declared layout. */
    record Entry(String dtype, long[] shape, long begin, long end) {}

    private SafetensorsReader() {}

    /**
     * The header of {@code file}: tensor name to layout, in file order.
     *
     * @throws ModelLoadException naming the file (and the tensor, when one entry is at fault) for a file shorter than
     *     its header, a header that is not a JSON object, an entry without a valid dtype, shape or data_offsets,
     *     or offsets that do not lie inside the file's data section
     */
    static Map<String, Entry> header(FileChannel channel, Path file) throws IOException {
        long size = channel.size();
        if (size < 8) {
            throw new ModelLoadException(file + ": truncated safetensors file (" + size
                    + " bytes, shorter than the 8-byte header length)");
        }
        ByteBuffer len = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
        readFully(channel, len, 0);
        long headerLength = len.flip().getLong();
        if (headerLength <= 0 || headerLength > MAX_HEADER_BYTES) {
            throw new ModelLoadException(file + ": not a safetensors file (header length " + headerLength
                    + " is outside [1, " + MAX_HEADER_BYTES + "])");
        }
        if (headerLength > size - 8) {
            throw new ModelLoadException(file + ": truncated safetensors file (the header needs " + headerLength
                    + " bytes after the length, the file has " + (size - 8) + ")");
        }
        ByteBuffer json = ByteBuffer.allocate((int) headerLength);
        readFully(channel, json, 8);
        JsonObject root;
        try {
            JsonElement parsed = JsonParser.parseString(new String(json.array(), StandardCharsets.UTF_8));
            if (!parsed.isJsonObject()) {
                throw new ModelLoadException(file + ": safetensors header is not a JSON object");
            }
            root = parsed.getAsJsonObject();
        } catch (JsonParseException e) {
            throw new ModelLoadException(file + ": safetensors header is not valid JSON (cut or corrupt)", e);
        }
        Map<String, Entry> entries = new LinkedHashMap<>();
        long dataStart = 8 + headerLength;
        for (Map.Entry<String, JsonElement> e : root.entrySet()) {
            if (e.getKey().equals("__metadata__")) {
                continue;
            }
            entries.put(e.getKey(), entry(file, e.getKey(), e.getValue(), size - dataStart, dataStart));
        }
        return entries;
    }

    /** One header entry, checked against the data section ({@code dataBytes} long, from {@code dataStart}). */
    private static Entry entry(Path file, String name, JsonElement value, long dataBytes, long dataStart) {
        String where = file + ": tensor " + name;
        if (!value.isJsonObject()) {
            throw new ModelLoadException(where + ": header entry is not an object");
        }
        JsonObject t = value.getAsJsonObject();
        JsonElement dtype = t.get("dtype");
        if (dtype == null || !dtype.isJsonPrimitive() || !dtype.getAsJsonPrimitive().isString()) {
            throw new ModelLoadException(where + ": header entry has no dtype string");
        }
        long[] shape = longs(where, t.get("shape"), "shape", -1);
        long[] offsets = longs(where, t.get("data_offsets"), "data_offsets", 2);
        if (offsets[0] > offsets[1] || offsets[1] > dataBytes) {
            throw new ModelLoadException(where + ": data_offsets [" + offsets[0] + ", " + offsets[1]
                    + "] lie outside the data section of " + dataBytes + " bytes (truncated file or a header that "
                    + "does not match it)");
        }
        return new Entry(dtype.getAsString(), shape, dataStart + offsets[0], dataStart + offsets[1]);
    }

    /** A JSON array of non-negative integers (of length {@code length}, unless it is -1). */
    private static long[] longs(String where, JsonElement value, String field, int length) {
        if (value == null || !value.isJsonArray() || length >= 0 && value.getAsJsonArray().size() != length) {
            throw new ModelLoadException(where + ": " + field + " must be an array"
                    + (length >= 0 ? " of " + length + " integers" : " of integers"));
        }
        long[] out = new long[value.getAsJsonArray().size()];
        for (int i = 0; i < out.length; i++) {
            JsonElement v = value.getAsJsonArray().get(i);
            if (!v.isJsonPrimitive() || !v.getAsJsonPrimitive().isNumber() || !v.getAsString().matches("\\d{1,19}")
                    || new BigInteger(v.getAsString()).bitLength() > 63) {
                throw new ModelLoadException(where + ": " + field + " holds " + v + ", not a non-negative integer");
            }
            out[i] = Long.parseLong(v.getAsString());
        }
        return out;
    }

    /** Reads one tensor as float32 values. */
    static float[] read(FileChannel channel, Path file, String name, Entry entry) throws IOException {
        long count = 1;
        try {
            for (long d : entry.shape()) {
                count = Math.multiplyExact(count, d);
            }
        } catch (ArithmeticException e) {
            throw new ModelLoadException(file + ": tensor " + name + " has an impossibly large shape "
                    + Arrays.toString(entry.shape()));
        }
        int width = switch (entry.dtype()) {
            case "F32" -> 4;
            case "F16", "BF16" -> 2;
            default -> throw new ModelLoadException(file + ": tensor " + name + " has unsupported dtype "
                    + entry.dtype() + " (supported: F32, F16, BF16)");
        };
        if (count > Integer.MAX_VALUE || count * width != entry.end() - entry.begin()) {
            throw new ModelLoadException(file + ": tensor " + name + " has " + (entry.end() - entry.begin())
                    + " bytes, its shape " + Arrays.toString(entry.shape()) + " needs " + count + " x " + width);
        }
        MappedByteBuffer data = channel.map(FileChannel.MapMode.READ_ONLY, entry.begin(), entry.end() - entry.begin());
        data.order(ByteOrder.LITTLE_ENDIAN);
        float[] out = new float[(int) count];
        for (int i = 0; i < out.length; i++) {
            out[i] = switch (entry.dtype()) {
                case "F32" -> data.getFloat();
                case "BF16" -> Float.intBitsToFloat((data.getShort() & 0xFFFF) << 16);
                default -> halfToFloat(data.getShort());
            };
        }
        return out;
    }

    private static void readFully(FileChannel channel, ByteBuffer buffer, long position) throws IOException {
        long at = position;
        while (buffer.hasRemaining()) {
            int n = channel.read(buffer, at);
            if (n < 0) {
                throw new IOException("unexpected end of file at byte " + at);
            }
            at += n;
        }
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
