package io.cleave.env.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cleave.env.io.JsonlReader.RowMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
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

    @Test
    void bytesThatAreNotUtf8RejectTheirLineWithTheBytesInBase64AndReadingGoesOn(@TempDir Path dir)
            throws IOException {
        Path file = dir.resolve("mixed.jsonl");
        byte[] latin1 = "{\"id\":\"caf\u00e9\"}".getBytes(StandardCharsets.ISO_8859_1);
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(bom);
        out.writeBytes("{\"id\":\"a\"}\r\n".getBytes(StandardCharsets.UTF_8));
        out.writeBytes(latin1);
        out.writeBytes("\n{\"id\":\"\u00e9t\u00e9\"}".getBytes(StandardCharsets.UTF_8));
        Files.write(file, out.toByteArray());
        JsonlRows<String> rows = JsonlReader.read(file, ID);
        assertEquals(List.of("a", "\u00e9t\u00e9"), rows.rows());
        RowError error = rows.errors().get(0);
        assertEquals(2, error.line());
        assertEquals("not valid UTF-8", error.reason());
        assertEquals(Base64.getEncoder().encodeToString(latin1), error.raw());
        assertTrue(error.rawIsBase64());
    }
}
