package io.cleave.env;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.strings;

import io.cleave.env.protocol.ParsedTrajectory;
import io.cleave.env.protocol.Protocol;
import io.cleave.env.protocol.Span;
import io.cleave.env.protocol.TrajectoryParser;
import io.cleave.env.tools.ToolException;
import io.cleave.env.tools.calc.CalcException;
import io.cleave.env.tools.calc.CalcParser;
import io.cleave.env.tools.calc.CalcTool;
import io.cleave.env.tools.calc.Rational;
import io.cleave.env.tools.search.CorpusDocument;
import io.cleave.env.tools.search.SearchIndex;
import io.cleave.env.tools.search.SearchOptions;
import io.cleave.env.tools.search.SearchTool;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * Property tests of the tools and the tag parser over untrusted model output: QuickTheories properties over
 * generated strings (fixed seed, so a failure reproduces; the failing input is shrunk before it is reported),
 * built from adversarial pieces and from arbitrary code points, and a fixed list of adversarial ones (deep nesting, huge numbers and exponent
 * towers, unbalanced tags, query syntax attacks, inputs of about 1 MB). Every call must end within its time bound,
 * with either a result of bounded size or the tool's documented error ({@link CalcException},
 * {@link ToolException}); the parser never throws.
 */
class UntrustedToolInputTest {

    private static final long SEED = 20_261_125L;
    private static final int RANDOM_CASES = 3_000;
    /** Per call on a short input, and on a ~1 MB input (generous: the machine is shared). */
    private static final long SHORT_MS = 1_000;
    private static final long HUGE_MS = 3_000;
    private static final int MB = 1 << 20;

    private static final String[] CALC_PIECES = {"0", "1", "2", "7", "9", "99999999999", "0.5", ".", "+", "-", "*",
        "/", "^", "(", ")", " ", "\t", "e", "x", "\u0663", "1e9", "9^9", "^-", "--", "((", "))"};
    private static final String[] TAG_PIECES = {"<calc>", "</calc>", "<search>", "</search>", "<answer>",
        "</answer>", "<think>", "</think>", "<result>", "</result>", "<python>", "</", "<", ">", "/", "calc",
        "answer", "x", " ", "\n", "42", "<<", ">>", "<result", "\u00e9", "\uD83D\uDE00"};

    @Test
    void calcEndsQuicklyWithABoundedValueOrItsErrorOnRandomExpressions() {
        qt().withFixedSeed(SEED).withExamples(RANDOM_CASES).forAll(textOf(CALC_PIECES, 1, 60))
                .checkAssert(expression -> checkCalc(expression, SHORT_MS));
    }

    @Test
    void calcEndsQuicklyWithABoundedValueOrItsErrorOnArbitraryCodePoints() {
        qt().withFixedSeed(SEED + 3).withExamples(RANDOM_CASES).forAll(strings().allPossible().ofLengthBetween(0, 80))
                .checkAssert(expression -> checkCalc(expression, SHORT_MS));
    }

    @Test
    void calcRefusesAdversarialExpressionsQuickly() throws CalcException {
        List<String> attacks = List.of(
                "(".repeat(MB / 2) + "1" + ")".repeat(MB / 2),
                "-".repeat(MB) + "1",
                "1" + "^1".repeat(MB / 2),
                "9^9^9", "9^9^9^9^9^9^9^9", "(9^9)^(9^9)", "2^-64^64", "(2^64)^64", "0^-1", "1/0", "(1/3)^64^2",
                "9".repeat(MB), "0".repeat(MB) + "1", "1." + "0".repeat(MB), "0." + "3".repeat(MB),
                "1" + "+1".repeat(MB / 2), "2" + "*2".repeat(MB / 2), "1" + "/3".repeat(MB / 2),
                "1/7" + "+1/7".repeat(MB / 4), "(((((((((((((((((((((((((((((((1", "1)))))))", "", "   ",
                "\u0000", "1 2", "1..2", "١+١");
        for (String attack : attacks) {
            checkCalc(attack, attack.length() > 10_000 ? HUGE_MS : SHORT_MS);
        }
        assertEquals("1", CalcParser.evaluate("0".repeat(MB) + "1").toString(), "leading zeros are not digits");
        assertEquals(Rational.of(1_000_001), CalcParser.evaluate("1" + "+1".repeat(1_000_000)));
    }

    @Test
    void theParserNeverThrowsAndItsSpansCoverTheWholeTextOnRandomTagSoup() {
        TrajectoryParser parser = new Protocol(Set.of("calc", "search")).parser();
        qt().withFixedSeed(SEED + 1).withExamples(RANDOM_CASES).forAll(textOf(TAG_PIECES, 0, 200))
                .checkAssert(text -> checkParse(parser, text, SHORT_MS));
        qt().withFixedSeed(SEED + 4).withExamples(RANDOM_CASES).forAll(strings().allPossible().ofLengthBetween(0, 200))
                .checkAssert(text -> checkParse(parser, text, SHORT_MS));
    }

    @Test
    void theParserHandlesHugeUnbalancedAndNestedTagsQuickly() {
        TrajectoryParser parser = new Protocol(Set.of("calc", "search")).parser();
        List<String> attacks = List.of(
                "<calc>".repeat(MB / 6), "</answer>".repeat(MB / 9), "<" + "a".repeat(MB), "<result>".repeat(MB / 8),
                "<think>".repeat(MB / 14) + "</think>".repeat(MB / 16), "<calc>1</calc>".repeat(MB / 14),
                "<calc>1</calc><result>" + "x".repeat(MB), "<calc>1</calc><result>1</result>".repeat(MB / 32)
                        + "<answer>1</answer>", "<".repeat(MB), ">".repeat(MB), "</".repeat(MB / 2),
                "<answer>" + "<answer>".repeat(MB / 8));
        for (String attack : attacks) {
            checkParse(parser, attack, HUGE_MS);
        }
    }

    @Test
    void searchOnlyEverReturnsCorpusDocumentsWhateverTheQuerySyntax() {
        List<CorpusDocument> corpus = List.of(
                new CorpusDocument("d1", "Vel", "Vel is a town on a river with a stone bridge."),
                new CorpusDocument("d2", "Orla", "Orla was born in Vel and writes about bridges."),
                new CorpusDocument("d3", "Bridges", "A bridge spans a river; stone bridges last long."));
        SearchTool tool = new SearchTool(SearchIndex.inMemory(corpus), new SearchOptions(3, 200));
        List<String> attacks = new ArrayList<>(List.of(
                "id:d1", "id:*", "title:*", "text:/.*/", "*", "?", "*:*", "b*", "/(a|aa)+b/", "/.{0,1000}/",
                "bridge~2", "\"unterminated", "[a TO z]", "{!lucene}x", "town AND NOT river", "+river -stone",
                "(((((((((((river", "river)))))))", "\\", "\u0000", "../../../../etc/passwd", "/etc/passwd",
                "file:///etc/passwd", "C:\\Windows\\system32", "%2e%2e%2f", "${jndi:ldap://x}",
                "river ".repeat(SearchTool.MAX_QUERY_CHARS / 6), "a".repeat(SearchTool.MAX_QUERY_CHARS + 1),
                "x".repeat(MB)));
        attacks.forEach(query -> checkSearch(tool, corpus, query));
        String[] queryPieces = {"river", "vel", "*", "?", ":", "/", "~", "\"", "(", ")", "AND", "OR", "title", "id",
            "..", "\\", " ", "[", "]", "^", "!", "{", "}"};
        qt().withFixedSeed(SEED + 2).withExamples(500).forAll(textOf(queryPieces, 1, 30))
                .checkAssert(query -> checkSearch(tool, corpus, query));
        assertEquals(SearchTool.NO_RESULTS, runQuietly(tool, "/etc/passwd"), "paths are words, not files");
    }

    private static void checkSearch(SearchTool tool, List<CorpusDocument> corpus, String query) {
        long start = System.nanoTime();
        String result;
        try {
            result = tool.run(query);
        } catch (ToolException e) {
            assertTrue(e.getMessage().equals("empty query") || e.getMessage().startsWith("query too long ("),
                    e.getMessage());
            return;
        } catch (RuntimeException | Error e) {
            throw new AssertionError("search crashed on " + shorten(query), e);
        } finally {
            assertWithin(start, query.length() > 10_000 ? HUGE_MS : SHORT_MS, query);
        }
        if (result.equals(SearchTool.NO_RESULTS)) {
            return;
        }
        for (String line : result.split("\n")) {
            assertTrue(corpus.stream().anyMatch(d -> line.equals(d.title() + ": " + d.text())),
                    "a corpus document, not '" + line + "', for " + shorten(query));
        }
    }

    private static void checkCalc(String expression, long limitMs) {
        CalcTool calc = new CalcTool();
        long start = System.nanoTime();
        try {
            String value = calc.run(expression);
            Rational parsed = Rational.parseLiteral(value).orElseThrow(() -> new AssertionError(
                    "not a number: " + value));
            assertTrue(parsed.numerator().abs().toString().length() <= Rational.MAX_DIGITS
                    && parsed.denominator().toString().length() <= Rational.MAX_DIGITS, "bounded: " + value);
        } catch (CalcException e) {
            assertFalse(e.getMessage().isBlank());
            assertTrue(e.getMessage().length() < 200, "a short message: " + e.getMessage());
        } catch (RuntimeException | Error e) {
            throw new AssertionError("calc crashed on " + shorten(expression), e);
        } finally {
            assertWithin(start, limitMs, expression);
        }
    }

    private static void checkParse(TrajectoryParser parser, String text, long limitMs) {
        long start = System.nanoTime();
        ParsedTrajectory parsed;
        try {
            parsed = parser.parse(text);
        } catch (RuntimeException | Error e) {
            throw new AssertionError("the parser crashed on " + shorten(text), e);
        }
        assertWithin(start, limitMs, text);
        assertEquals(text, parsed.spans().stream().map(Span::text).collect(Collectors.joining()),
                "spans cover the text of " + shorten(text));
        assertEquals(parsed.valid(), parsed.invalidReason().isEmpty(), shorten(text));
        if (parsed.valid()) {
            assertTrue(parsed.answer().isPresent(), "a valid trajectory has its answer: " + shorten(text));
        }
        long closes = countOf(text, "</calc>") + countOf(text, "</search>");
        assertTrue(parsed.calls().size() <= closes, "no more calls than closing tool tags: " + shorten(text));
        Protocol protocol = new Protocol(Set.of("calc", "search"));
        assertNotNull(protocol.detect(text), "a detection for " + shorten(text));
        assertEquals(closes, protocol.toolCallCount(text));
    }

    private static String runQuietly(SearchTool tool, String query) {
        try {
            return tool.run(query);
        } catch (ToolException e) {
            return "error: " + e.getMessage();
        }
    }

    private static long countOf(String text, String needle) {
        long n = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + needle.length())) {
            n++;
        }
        return n;
    }

    private static void assertWithin(long startNanos, long limitMs, String input) {
        long ms = (System.nanoTime() - startNanos) / 1_000_000;
        assertTrue(ms <= limitMs, ms + " ms (limit " + limitMs + ") on " + shorten(input));
    }

    /** Strings of {@code min..max} pieces drawn from {@code pieces}; shrinking drops and simplifies pieces. */
    private static Gen<String> textOf(String[] pieces, int min, int max) {
        return lists().of(integers().between(0, pieces.length - 1)).ofSizeBetween(min, max).map(indexes -> {
            StringBuilder out = new StringBuilder();
            indexes.forEach(i -> out.append(pieces[i]));
            return out.toString();
        });
    }

    private static String shorten(String text) {
        return text.length() <= 120 ? "'" + text + "'" : "'" + text.substring(0, 120) + "...' (" + text.length()
                + " chars)";
    }
}
