package io.cleave.cli;

import io.cleave.env.io.JsonlRows;
import io.cleave.env.io.RowError;
import io.cleave.env.tools.Tool;
import io.cleave.env.tools.ToolException;
import io.cleave.env.tools.registry.ToolRegistry;
import io.cleave.env.tools.search.CorpusDocument;
import io.cleave.env.tools.search.CorpusReader;
import io.cleave.env.tools.search.SearchOptions;
import io.cleave.env.tools.search.SearchTool;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code cleave tool NAME [options] ARGUMENT...}: runs one tool of {@link ToolRegistry} on an argument and prints
 * its result exactly as the policy sees it inside {@code <result>} tags: {@code cleave tool calc 7*12+1/2} prints
 * {@code 169/2}; {@code cleave tool search --corpus docs.jsonl --top-k 3 capital of France} prints one
 * {@code title: snippet} line per hit. A corpus is read strictly here: a malformed line is an error naming the file
 * and line (training skips such lines with a warning).
 */
@Command(name = "tool", mixinStandardHelpOptions = true,
        description = "Run a tool (calc, search) on an argument and print its result as the policy sees it.")
final class ToolCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "TOOL", description = "tool name (calc, search)")
    String name;

    @Parameters(index = "1..*", arity = "1..*", paramLabel = "ARGUMENT",
            description = "text between the tool's tags; several words are joined by spaces "
                    + "(put -- before an argument that starts with '-')")
    List<String> argument;

    @Option(names = "--corpus", description = "search: JSON Lines corpus {\"id\",\"title\",\"text\"}")
    Path corpus;

    @Option(names = "--index", description = "search: index folder written by SearchIndex.writeToDisk")
    Path index;

    @Option(names = "--top-k", description = "search: hits to print (tool default: 2)")
    Integer topK;

    @Option(names = "--snippet-chars", description = "search: characters of text per hit (tool default: 60)")
    Integer snippetChars;

    @Override
    public Integer call() {
        Map<String, String> options = new LinkedHashMap<>();
        if (corpus != null) {
            requireWellFormed(corpus);
            options.put(SearchTool.CORPUS, corpus.toString());
        }
        if (index != null) {
            options.put(SearchTool.INDEX, index.toString());
        }
        if (topK != null) {
            options.put(SearchOptions.TOP_K, topK.toString());
        }
        if (snippetChars != null) {
            options.put(SearchOptions.SNIPPET_CHARS, snippetChars.toString());
        }
        Tool tool = ToolRegistry.create(name, options);
        try {
            System.out.println(tool.run(String.join(" ", argument)));
        } catch (ToolException e) {
            throw new UserException(name + ": " + e.getMessage());
        }
        return 0;
    }

    /** Fails on a missing corpus file or on its first malformed line (file and line named). */
    private static void requireWellFormed(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new UserException("corpus file not found: " + file);
        }
        JsonlRows<CorpusDocument> rows = CorpusReader.read(file);
        List<RowError> errors = rows.errors();
        if (!errors.isEmpty()) {
            throw new UserException("bad corpus line " + errors.get(0)
                    + (errors.size() > 1 ? " (" + errors.size() + " bad lines in all)" : ""));
        }
        if (rows.rows().isEmpty()) {
            throw new UserException("corpus " + file + " has no documents");
        }
    }
}
