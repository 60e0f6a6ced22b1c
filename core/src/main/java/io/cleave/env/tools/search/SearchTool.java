package io.cleave.env.tools.search;

import io.cleave.env.tools.Tool;
import io.cleave.env.tools.ToolException;
import io.cleave.env.util.Options;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The {@code search} tool: {@code <search>QUERY</search>} returns the top-k documents, one line each, as
 * {@code title: snippet}, where the snippet is the first {@link SearchOptions#snippetChars()} characters of the
 * text with whitespace collapsed; {@code no results} when nothing matches. Thread-safe.
 *
 * <p>The query is untrusted model output: it is never parsed as Lucene query syntax (field names, wildcards,
 * regular expressions, ranges and paths are plain words to the analyser, see {@link SearchIndex#search}), it may
 * have at most {@link #MAX_QUERY_CHARS} characters, and the answer only ever holds documents of the corpus.
 *
 * <p>Options: exactly one of {@code corpus} (a JSON Lines file, indexed in memory once per JVM) or {@code index}
 * (a folder written by {@link SearchIndex#writeToDisk}), plus {@code topK} and {@code snippetChars}.
 */
public final class SearchTool implements Tool {

    /** The tool's tag name. */
    public static final String NAME = "search";
    /** Result text when no document matches. */
    public static final String NO_RESULTS = "no results";
    /** Option key of the JSON Lines corpus file. */
    public static final String CORPUS = "corpus";
    /** Option key of an on-disk index folder. */
    public static final String INDEX = "index";
    /** Longest query accepted, in characters; longer ones are an error result. */
    public static final int MAX_QUERY_CHARS = 2_000;

    private final SearchIndex index;
    private final SearchOptions options;

    /** A search tool over {@code index}. */
    public SearchTool(SearchIndex index, SearchOptions options) {
        this.index = index;
        this.options = options;
    }

    /** A search tool over in-memory {@code documents} (indexed once per JVM per content). */
    public static SearchTool overDocuments(List<CorpusDocument> documents, SearchOptions options) {
        return new SearchTool(SearchIndexCache.forDocuments(documents), options);
    }

    /** Creates the tool from {@code corpus} or {@code index}, {@code topK} and {@code snippetChars}. */
    public static SearchTool fromOptions(Options options) {
        options.requireKnown(Set.of(CORPUS, INDEX, SearchOptions.TOP_K, SearchOptions.SNIPPET_CHARS), Set.of(),
                "tool search");
        Optional<String> corpus = options.get(CORPUS);
        Optional<String> dir = options.get(INDEX);
        if (corpus.isPresent() == dir.isPresent()) {
            throw new IllegalArgumentException("tool search needs exactly one of the options '" + CORPUS
                    + "' (JSON Lines file) or '" + INDEX + "' (index folder)");
        }
        SearchIndex index = corpus.isPresent() ? SearchIndexCache.forCorpusFile(Path.of(corpus.get()))
                : SearchIndexCache.forDirectory(Path.of(dir.get()));
        return new SearchTool(index, SearchOptions.fromOptions(options, SearchOptions.defaults()));
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String run(String argument) throws ToolException {
        if (argument.isBlank()) {
            throw new ToolException("empty query");
        }
        if (argument.length() > MAX_QUERY_CHARS) {
            throw new ToolException("query too long (" + argument.length() + " characters, at most "
                    + MAX_QUERY_CHARS + ")");
        }
        List<SearchHit> hits = index.search(argument, options.topK());
        if (hits.isEmpty()) {
            return NO_RESULTS;
        }
        return hits.stream().map(this::line).collect(Collectors.joining("\n"));
    }

    private String line(SearchHit hit) {
        String text = hit.text().strip().replaceAll("\\s+", " ");
        String snippet = text.length() <= options.snippetChars() ? text
                : text.substring(0, options.snippetChars()).stripTrailing();
        return hit.title().strip() + ": " + snippet;
    }
}
