package io.cleave.env.tasks.jsonl;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import io.cleave.env.io.JsonlReader;
import io.cleave.env.io.JsonlRows;
import io.cleave.env.io.RowException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

/**
 * Reads user task rows. A row is skipped and reported (file, line, reason) when it is not strict UTF-8, not a JSON
 * object, misses {@code id}, {@code prompt} or {@code answer}, has a blank one or one of the wrong type, repeats an
 * id, or has a non-integer or non-positive {@code difficulty}.
 *
 * <p>Types and coercions: {@code prompt} must be a JSON string. {@code id} is a string or an integer number, which
 * is taken as its decimal text ({@code 7} and {@code "7"} are the same id, so the second is a duplicate).
 * {@code answer} is a string or a number, taken as the number's text as written ({@code 3.50} stays
 * {@code "3.50"}). Booleans, objects, arrays and {@code null} are rejected in every field. Fields other than these
 * four are ignored.
 */
public final class JsonlTaskReader {

    private JsonlTaskReader() {}

    /** The usable rows of {@code file} and the errors of the others. */
    public static JsonlRows<JsonlRow> read(Path file) {
        Set<String> ids = new HashSet<>();
        return JsonlReader.read(file, (JsonlReader.LineMapper<JsonlRow>) (object, line, text) ->
                toRow(object, line, text, ids));
    }

    private static JsonlRow toRow(JsonObject object, int line, String text, Set<String> ids) throws RowException {
        String id = nonBlank("id", field(object, "id", true, true));
        String prompt = nonBlank("prompt", field(object, "prompt", false, false));
        String answer = nonBlank("answer", field(object, "answer", true, false));
        int difficulty = JsonlReader.optionalInt(object, "difficulty", 1);
        if (difficulty < 1) {
            throw new RowException("field 'difficulty' must be at least 1, got " + difficulty);
        }
        if (!ids.add(id)) {
            throw new RowException("duplicate id '" + id + "'");
        }
        return new JsonlRow(id, prompt, answer, difficulty, line, text);
    }

    /** The text of {@code name}: a string, or a number when {@code numbers} allows (an integer if {@code integral}). */
    private static String field(JsonObject object, String name, boolean numbers, boolean integral)
            throws RowException {
        JsonElement value = object.get(name);
        if (value == null) {
            throw new RowException("field '" + name + "' is missing");
        }
        String allowed = !numbers ? "a string" : integral ? "a string or an integer" : "a string or a number";
        if (value.isJsonPrimitive()) {
            JsonPrimitive primitive = value.getAsJsonPrimitive();
            if (primitive.isString()) {
                return primitive.getAsString();
            }
            if (numbers && primitive.isNumber() && (!integral || isIntegral(primitive))) {
                return primitive.getAsString();
            }
        }
        throw new RowException("field '" + name + "' must be " + allowed + ", got " + kind(value));
    }

    private static boolean isIntegral(JsonPrimitive number) {
        return number.getAsString().matches("-?\\d+");
    }

    private static String kind(JsonElement value) {
        if (value.isJsonNull()) {
            return "null";
        }
        if (value.isJsonObject()) {
            return "an object";
        }
        if (value.isJsonArray()) {
            return "an array";
        }
        JsonPrimitive primitive = value.getAsJsonPrimitive();
        return primitive.isBoolean() ? "a boolean " + primitive : "the number " + primitive;
    }

    private static String nonBlank(String name, String value) throws RowException {
        String stripped = value.strip();
        if (stripped.isEmpty()) {
            throw new RowException("field '" + name + "' is blank");
        }
        return stripped;
    }
}
