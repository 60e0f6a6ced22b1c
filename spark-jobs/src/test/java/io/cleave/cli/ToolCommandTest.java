package io.cleave.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code cleave tool}: calc and search results as the policy sees them, and one-line errors with exit code 2. */
class ToolCommandTest {

    private static final String CORPUS = """
            {"id":"d1","title":"Paris","text":"Paris is the capital of France. It lies on the Seine."}
            {"id":"d2","title":"Berlin","text":"Berlin is the capital of Germany."}
            {"id":"d3","title":"Rhine","text":"The Rhine flows through Germany and the Netherlands."}
            """;

    @TempDir
    Path tmp;

    @Test
    void calcPrintsTheExactResult() {
        assertEquals(new CliRun(0, "169/2\n", ""), CliRun.of("tool", "calc", "7*12+1/2"));
        assertEquals(new CliRun(0, "5\n", ""), CliRun.of("tool", "calc", "2", "+", "3"), "words joined by spaces");
        assertEquals(new CliRun(0, "-4\n", ""), CliRun.of("tool", "calc", "--", "-2^2"));
    }

    @Test
    void searchPrintsTheHitsBestFirst() throws Exception {
        Path corpus = tmp.resolve("docs.jsonl");
        Files.writeString(corpus, CORPUS);
        CliRun two = CliRun.of("tool", "search", "--corpus", corpus.toString(), "capital", "of", "France");
        assertEquals(0, two.code(), two.err());
        assertEquals("Paris: Paris is the capital of France. It lies on the Seine.\n"
                + "Berlin: Berlin is the capital of Germany.\n", two.out());
        CliRun one = CliRun.of("tool", "search", "--corpus", corpus.toString(), "--top-k", "1", "capital of France");
        assertEquals("Paris: Paris is the capital of France. It lies on the Seine.\n", one.out());
        CliRun short_ = CliRun.of("tool", "search", "--corpus", corpus.toString(), "--snippet-chars", "12",
                "Netherlands");
        assertEquals("Rhine: The Rhine fl\n", short_.out());
        assertEquals("no results\n", CliRun.of("tool", "search", "--corpus", corpus.toString(), "zebra").out());
    }

    @Test
    void unknownToolsListTheKnownOnes() {
        assertEquals(new CliRun(CleaveCli.USER_ERROR, "", "error: unknown tool 'wiki'; known tools: [calc, search]\n"),
                CliRun.of("tool", "wiki", "x"));
    }

    @Test
    void corpusProblemsNameTheFileAndLine() throws Exception {
        Path missing = tmp.resolve("none.jsonl");
        assertEquals(new CliRun(CleaveCli.USER_ERROR, "", "error: corpus file not found: " + missing + "\n"),
                CliRun.of("tool", "search", "--corpus", missing.toString(), "q"));
        Path bad = tmp.resolve("bad.jsonl");
        Files.writeString(bad, CORPUS + "{\"id\":\"d4\",\"title\":\"x\"}\n\n{not json\n");
        assertEquals(new CliRun(CleaveCli.USER_ERROR, "", "error: bad corpus line " + bad
                + ":4: field 'text' is missing (2 bad lines in all)\n"),
                CliRun.of("tool", "search", "--corpus", bad.toString(), "capital"));
    }

    @Test
    void toolFailuresAndWrongOptionsAreUserErrors() {
        assertEquals(new CliRun(CleaveCli.USER_ERROR, "", "error: calc: division by zero\n"),
                CliRun.of("tool", "calc", "1/0"));
        CliRun wrongOption = CliRun.of("tool", "calc", "--top-k", "3", "1+1");
        assertEquals(CleaveCli.USER_ERROR, wrongOption.code());
        assertEquals("error: unknown option 'topK' for tool calc; known options: []", wrongOption.err().strip());
        CliRun noCorpus = CliRun.of("tool", "search", "capital");
        assertTrue(noCorpus.err().startsWith("error: tool search needs exactly one of the options 'corpus'"),
                noCorpus.err());
    }


}
