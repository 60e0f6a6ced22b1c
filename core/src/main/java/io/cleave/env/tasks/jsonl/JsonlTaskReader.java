package io.cleave.env.tasks.jsonl;

import com.google.gson.JsonObject;
import io.cleave.env.io.JsonlReader;
import io.cleave.env.io.JsonlRows;
import io.cleave.env.io.RowException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

/**
 * Reads user task rows. A row is skipped and reported (file, line, reason) when it is not a JSON object, misses
 * {@code id}, {@code prompt} or {@code answer}, has a blank one, repeats an id, or has a non-integer or
 * non-positive {@code difficulty}.
 */
public final class JsonlTaskReader {

    private JsonlTaskReader() {}

    /** The usable rows of {@code file} and the errors of the others. */
    public static JsonlRows<JsonlRow> read(Path file) {
        Set<String> ids = new HashSet<>();
        return JsonlReader.read(file, object -> toRow(object, ids));
    }

    private static JsonlRow toRow(JsonObject object, Set<String> ids) throws RowException {
        String id = nonBlank(object, "id");
        String prompt = nonBlank(object, "prompt");
        String answer = nonBlank(object, "answer");
        int difficulty = JsonlReader.optionalInt(object, "difficulty", 1);
        if (difficulty < 1) {
            throw new RowException("field 'difficulty' must be at least 1, got " + difficulty);
        }
        if (!ids.add(id)) {
            throw new RowException("duplicate id '" + id + "'");
        }
        return new JsonlRow(id, prompt, answer, difficulty);
    }

    private static String nonBlank(JsonObject object, String field) throws RowException {
        String value = JsonlReader.requiredText(object, field).strip();
        if (value.isEmpty()) {
            throw new RowException("field '" + field + "' is blank");
        }
        return value;
    }
}
