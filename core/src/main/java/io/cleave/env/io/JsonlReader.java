package io.cleave.env.io;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a JSON Lines file: each non-blank line must be one strict JSON object, which a {@link RowMapper} turns into
 * a row. Lines that are not JSON objects, or that the mapper rejects, are collected as {@link RowError}s (and
 * logged) instead of stopping the read.
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

    private JsonlReader() {}

    /**
     * Reads {@code file} as UTF-8 JSON Lines.
     *
     * @throws IllegalArgumentException if the file does not exist or is not a regular file
     * @throws UncheckedIOException if reading fails
     */
    public static <T> JsonlRows<T> read(Path file, RowMapper<T> mapper) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("file not found: " + file.toAbsolutePath());
        }
        List<T> rows = new ArrayList<>();
        List<RowError> errors = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            int lineNo = 0;
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                lineNo++;
                if (line.isBlank()) {
                    continue;
                }
                try {
                    rows.add(mapper.map(parseObject(line)));
                } catch (RowException e) {
                    RowError error = new RowError(file, lineNo, e.getMessage());
                    LOG.warn("skipping {}", error);
                    errors.add(error);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        return new JsonlRows<>(file, rows, errors);
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
