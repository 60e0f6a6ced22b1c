package io.cleave.env.tools.search;

import io.cleave.env.util.Options;

/**
 * How many hits the search tool returns and how long each snippet is.
 *
 * @param topK hits per query, in [1, 50]
 * @param snippetChars characters of document text shown per hit, in [10, 2000]
 */
public record SearchOptions(int topK, int snippetChars) {

    /** Option key for {@link #topK}. */
    public static final String TOP_K = "topK";
    /** Option key for {@link #snippetChars}. */
    public static final String SNIPPET_CHARS = "snippetChars";

    /** Checks the ranges. */
    public SearchOptions {
        if (topK < 1 || topK > 50) {
            throw new IllegalArgumentException("search topK must be in [1, 50], got " + topK);
        }
        if (snippetChars < 10 || snippetChars > 2000) {
            throw new IllegalArgumentException("search snippetChars must be in [10, 2000], got " + snippetChars);
        }
    }

    /** Two hits of 60 characters: compact enough for a small character-level policy. */
    public static SearchOptions defaults() {
        return new SearchOptions(2, 60);
    }

    /** Reads {@code topK} and {@code snippetChars}, falling back to {@code base} for unset keys. */
    public static SearchOptions fromOptions(Options options, SearchOptions base) {
        return new SearchOptions(options.getInt(TOP_K, base.topK()),
                options.getInt(SNIPPET_CHARS, base.snippetChars()));
    }
}
