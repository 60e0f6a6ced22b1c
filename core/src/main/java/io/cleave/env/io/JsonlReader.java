package io.cleave.env.io;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a JSON Lines file: each non-blank line must be strict UTF-8 holding one strict JSON object, which a
 * {@link RowMapper} turns into a row. Lines that are not UTF-8, not JSON objects, or that the mapper rejects, are
 * collected as {@link RowError}s (with the raw line, and logged) instead of stopping the read.
 */
public final class JsonlReader {

    private static final Logger LOG = LoggerFactory.getLogger(JsonlReader.class);
    private static final Pattern COLUMN = Pattern.compile("column (\\d+)");

    /** Maps one parsed JSON object to a row, or rejects it with a reason. */
    @FunctionalInterface
    public interface RowMapper<T> {
        /** The row for {@code object}; throws {@link RowException} with a readable reason to reject it. */
        T map(JsonObject object) throws RowException;
    }

    /** Maps one parsed JSON object, read from 1-based line {@code line} whose text is {@code text}, to a row. */
    @FunctionalInterface
    public interface LineMapper<T> {
        /** The row for {@code object}; throws {@link RowException} with a readable reason to reject it. */
        T map(JsonObject object, int line, String text) throws RowException;
    }

    private JsonlReader() {}

    /**
     * Reads {@code file} as UTF-8 JSON Lines; {@code mapper} does not see line numbers.
     *
     * @throws IllegalArgumentException if the file does not exist or is not a regular file
     * @throws UncheckedIOException if reading fails
     */
    public static <T> JsonlRows<T> read(Path file, RowMapper<T> mapper) {
        return read(file, (LineMapper<T>) (object, line, text) -> mapper.map(object));
    }

    /**
     * Reads {@code file} as JSON Lines. Each line is decoded on its own as strict UTF-8 (malformed bytes are
     * reported, never replaced): a line that is not valid UTF-8 becomes a {@link RowError} carrying its bytes in
     * base64, and the lines after it are still read.
     *
     * @throws IllegalArgumentException if the file does not exist or is not a regular file
     * @throws UncheckedIOException if reading fails
     */
    public static <T> JsonlRows<T> read(Path file, LineMapper<T> mapper) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("file not found: " + file.toAbsolutePath());
        }
        List<T> rows = new ArrayList<>();
        List<RowError> errors = new ArrayList<>();
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            int lineNo = 0;
            for (byte[] bytes = nextLine(in); bytes != null; bytes = nextLine(in)) {
                lineNo++;
                String line;
                try {
                    line = decodeStrictly(bytes);
                } catch (CharacterCodingException e) {
                    errors.add(reject(new RowError(file, lineNo, "not valid UTF-8", base64(bytes), true)));
                    continue;
                }
                if (line.isBlank()) {
                    continue;
                }
                try {
                    rows.add(mapper.map(parseObject(line), lineNo, line));
                } catch (RowException e) {
                    errors.add(reject(new RowError(file, lineNo, e.getMessage(), line, false)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        return new JsonlRows<>(file, rows, errors);
    }

    private static RowError reject(RowError error) {
        LOG.warn("skipping {}", error);
        return error;
    }

    /** The bytes of the next line without its {@code \n} (and a {@code \r} before it), or null at the end. */
    private static byte[] nextLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b = in.read();
        if (b < 0) {
            return null;
        }
        while (b >= 0 && b != '\n') {
            line.write(b);
            b = in.read();
        }
        byte[] bytes = line.toByteArray();
        return bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? Arrays.copyOf(bytes, bytes.length - 1) : bytes;
    }

    /** {@code bytes} as UTF-8, failing on a malformed or unmappable sequence; a leading byte order mark is dropped. */
    private static String decodeStrictly(byte[] bytes) throws CharacterCodingException {
        String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    private static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    /** Parses one line as a strict JSON object. */
    static JsonObject parseObject(String line) throws RowException {
        JsonElement element;
        try (JsonReader reader = new JsonReader(new StringReader(line))) {
            reader.setStrictness(Strictness.STRICT);
            element = JsonParser.parseReader(reader);
            if (reader.peek() != JsonToken.END_DOCUMENT) {
                throw new RowException("text after the JSON object");
            }
        } catch (JsonParseException | IOException | IllegalStateException e) {
            throw new RowException("not valid JSON" + column(e));
        }
        if (!element.isJsonObject()) {
            throw new RowException("not a JSON object");
        }
        return element.getAsJsonObject();
    }

    /** The string value of a required field; numbers and booleans are accepted and written as text. */
    public static String requiredText(JsonObject object, String field) throws RowException {
        JsonElement value = object.get(field);
        if (value == null || value.isJsonNull()) {
            throw new RowException("field '" + field + "' is missing");
        }
        if (!value.isJsonPrimitive()) {
            throw new RowException("field '" + field + "' must be a string");
        }
        JsonPrimitive primitive = value.getAsJsonPrimitive();
        return primitive.getAsString();
    }

    /** The integer value of an optional field, or {@code fallback} when absent. */
    public static int optionalInt(JsonObject object, String field, int fallback) throws RowException {
        JsonElement value = object.get(field);
        if (value == null || value.isJsonNull()) {
            return fallback;
        }
        try {
            if (value.isJsonPrimitive() && value.getAsJsonPrimitive().isNumber()) {
                return value.getAsBigDecimal().intValueExact();
            }
        } catch (ArithmeticException e) {
            throw new RowException("field '" + field + "' must be an integer, got " + value);
        }
        throw new RowException("field '" + field + "' must be an integer, got " + value);
    }

    /** " (near column N)" when the parser's message names a column, else "". */
    private static String column(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            Matcher m = t.getMessage() == null ? null : COLUMN.matcher(t.getMessage());
            if (m != null && m.find()) {
                return " (near column " + m.group(1) + ")";
            }
        }
        return "";
    }
}
