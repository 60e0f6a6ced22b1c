package io.cleave.env.tools.search;

import java.util.Objects;

/**
 * One document of a search corpus, as in a JSON Lines row {@code {"id":..., "title":..., "text":...}}.
 *
 * @param id unique, non-blank identifier
 * @param title short title (shown in results)
 * @param text body (its first characters are the result snippet)
 */
public record CorpusDocument(String id, String title, String text) {

    /** Checks the fields. */
    public CorpusDocument {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(text, "text");
        if (id.isBlank()) {
            throw new IllegalArgumentException("document id must not be blank");
        }
        if (title.isBlank() && text.isBlank()) {
            throw new IllegalArgumentException("document '" + id + "' has neither title nor text");
        }
    }
}
