package io.cleave.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
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
        assertEquals(new Captured(0, "169/2\n", ""), capture("tool", "calc", "7*12+1/2"));
        assertEquals(new Captured(0, "5\n", ""), capture("tool", "calc", "2", "+", "3"), "words joined by spaces");
        assertEquals(new Captured(0, "-4\n", ""), capture("tool", "calc", "--", "-2^2"));
    }

    @Test
    void searchPrintsTheHitsBestFirst() throws Exception {
        Path corpus = tmp.resolve("docs.jsonl");
        Files.writeString(corpus, CORPUS);
        Captured two = capture("tool", "search", "--corpus", corpus.toString(), "capital", "of", "France");
        assertEquals(0, two.code(), two.err());
        assertEquals("Paris: Paris is the capital of France. It lies on the Seine.\n"
                + "Berlin: Berlin is the capital of Germany.\n", two.out());
        Captured one = capture("tool", "search", "--corpus", corpus.toString(), "--top-k", "1", "capital of France");
        assertEquals("Paris: Paris is the capital of France. It lies on the Seine.\n", one.out());
        Captured short_ = capture("tool", "search", "--corpus", corpus.toString(), "--snippet-chars", "12",
                "Netherlands");
        assertEquals("Rhine: The Rhine fl\n", short_.out());
        assertEquals("no results\n", capture("tool", "search", "--corpus", corpus.toString(), "zebra").out());
    }

    @Test
    void unknownToolsListTheKnownOnes() {
        assertEquals(new Captured(CleaveCli.USER_ERROR, "", "error: unknown tool 'wiki'; known tools: [calc, search]\n"),
                capture("tool", "wiki", "x"));
    }

    @Test
    void corpusProblemsNameTheFileAndLine() throws Exception {
        Path missing = tmp.resolve("none.jsonl");
        assertEquals(new Captured(CleaveCli.USER_ERROR, "", "error: corpus file not found: " + missing + "\n"),
                capture("tool", "search", "--corpus", missing.toString(), "q"));
        Path bad = tmp.resolve("bad.jsonl");
        Files.writeString(bad, CORPUS + "{\"id\":\"d4\",\"title\":\"x\"}\n\n{not json\n");
        assertEquals(new Captured(CleaveCli.USER_ERROR, "", "error: bad corpus line " + bad
                + ":4: field 'text' is missing (2 bad lines in all)\n"),
                capture("tool", "search", "--corpus", bad.toString(), "capital"));
    }

    @Test
    void toolFailuresAndWrongOptionsAreUserErrors() {
        assertEquals(new Captured(CleaveCli.USER_ERROR, "", "error: calc: division by zero\n"),
                capture("tool", "calc", "1/0"));
        Captured wrongOption = capture("tool", "calc", "--top-k", "3", "1+1");
        assertEquals(CleaveCli.USER_ERROR, wrongOption.code());
        assertEquals("error: unknown option 'topK' for tool calc; known options: []", wrongOption.err().strip());
        Captured noCorpus = capture("tool", "search", "capital");
        assertTrue(noCorpus.err().startsWith("error: tool search needs exactly one of the options 'corpus'"),
                noCorpus.err());
    }

    private record Captured(int code, String out, String err) {}

    private static Captured capture(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            int code = CleaveCli.run(args);
            return new Captured(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }
}
