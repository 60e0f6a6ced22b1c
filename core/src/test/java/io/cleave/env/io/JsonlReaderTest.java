package io.cleave.env.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.cleave.env.io.JsonlReader.RowMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonlReaderTest {

    private static final RowMapper<String> ID = o -> JsonlReader.requiredText(o, "id");

    @Test
    void readsStrictJsonAndCountsLinesIncludingBlankOnes(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("rows.jsonl");
        Files.writeString(file, String.join("\n",
                "{\"id\":\"a\"}",
                "",
                "{id: \"b\"}",
                "{\"id\":\"c\"} extra",
                "{\"id\":\"d\",}",
                "{\"id\":7}",
                "{\"id\":{\"x\":1}}",
                "\"just a string\""));
        JsonlRows<String> rows = JsonlReader.read(file, ID);
        assertEquals(List.of("a", "7"), rows.rows());
        assertEquals(List.of(3, 4, 5, 7, 8), rows.errors().stream().map(RowError::line).toList());
        assertEquals("field 'id' must be a string", rows.errors().get(3).reason());
        assertEquals("not a JSON object", rows.errors().get(4).reason());
        assertEquals(file, rows.errors().get(0).file());
    }

    @Test
    void missingFileAndNoUsableRowsFailWithTheFileName(@TempDir Path dir) throws IOException {
        Path missing = dir.resolve("missing.jsonl");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> JsonlReader.read(missing, ID));
        assertEquals("file not found: " + missing.toAbsolutePath(), e.getMessage());
        Path empty = dir.resolve("empty.jsonl");
        Files.writeString(empty, "\n\n");
        IllegalArgumentException none = assertThrows(IllegalArgumentException.class,
                () -> JsonlReader.read(empty, ID).requireRows("rows"));
        assertEquals("no usable rows in " + empty + ": the file has no rows", none.getMessage());
    }
}
