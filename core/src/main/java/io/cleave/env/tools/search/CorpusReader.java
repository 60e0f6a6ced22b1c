package io.cleave.env.tools.search;

import com.google.gson.Gson;
import com.google.gson.JsonObject;
import io.cleave.env.io.JsonlReader;
import io.cleave.env.io.JsonlRows;
import io.cleave.env.io.RowException;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads and writes search corpora as JSON Lines {@code {"id","title","text"}}. A row with a missing or blank field,
 * a duplicate id, or broken JSON is reported with file and line and skipped.
 */
public final class CorpusReader {

    private CorpusReader() {}

    /**
     * Reads {@code file}; the result holds the usable documents and the errors of the skipped lines.
     *
     * @throws IllegalArgumentException if the file does not exist
     */
    public static JsonlRows<CorpusDocument> read(Path file) {
        Set<String> seen = new HashSet<>();
        return JsonlReader.read(file, object -> toDocument(object, seen));
    }

    /** Writes {@code documents} to {@code file} as JSON Lines (creating parent folders). */
    public static void write(List<CorpusDocument> documents, Path file) {
        Gson gson = new Gson();
        try {
            if (file.toAbsolutePath().getParent() != null) {
                Files.createDirectories(file.toAbsolutePath().getParent());
            }
            try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                for (CorpusDocument doc : documents) {
                    JsonObject row = new JsonObject();
                    row.addProperty("id", doc.id());
                    row.addProperty("title", doc.title());
                    row.addProperty("text", doc.text());
                    out.write(gson.toJson(row));
                    out.write('\n');
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write corpus " + file, e);
        }
    }

    private static CorpusDocument toDocument(JsonObject object, Set<String> seen) throws RowException {
        String id = JsonlReader.requiredText(object, "id").strip();
        String title = JsonlReader.requiredText(object, "title");
        String text = JsonlReader.requiredText(object, "text");
        if (id.isEmpty()) {
            throw new RowException("field 'id' is blank");
        }
        if (title.isBlank() && text.isBlank()) {
            throw new RowException("fields 'title' and 'text' are both blank");
        }
        if (!seen.add(id)) {
            throw new RowException("duplicate id '" + id + "'");
        }
        return new CorpusDocument(id, title, text);
    }
}
