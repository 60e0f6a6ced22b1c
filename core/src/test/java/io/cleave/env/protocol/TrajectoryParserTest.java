package io.cleave.env.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TrajectoryParserTest {

    private final TrajectoryParser parser = new TrajectoryParser(Set.of("calc", "search"));

    @Test
    void parsesAWellFormedTrajectory() {
        String text = "<think>find Kato</think><search>Kato</search><result>Kato: born 1961 in Vel.</result>"
                + "<calc>1990-1961</calc><result>29</result>\n<answer>29</answer>\n";
        ParsedTrajectory t = parser.parse(text);
        assertTrue(t.valid(), t.invalidReason());
        assertEquals("", t.invalidReason());
        assertEquals(List.of(new ToolCallRecord("search", "Kato", "Kato: born 1961 in Vel."),
                new ToolCallRecord("calc", "1990-1961", "29")), t.calls());
        assertEquals(Optional.of("29"), t.answer());
        assertEquals(Set.of("calc", "search"), t.toolKinds());
        assertEquals(List.of(
                new Span(0, "<think>find Kato</think><search>Kato</search>", true),
                new Span(45, "<result>Kato: born 1961 in Vel.</result>", false),
                new Span(85, "<calc>1990-1961</calc>", true),
                new Span(107, "<result>29</result>", false),
                new Span(126, "\n<answer>29</answer>\n", true)), t.spans());
        assertEquals(text, t.spans().stream().map(Span::text).collect(Collectors.joining()));
        assertEquals("<result>Kato: born 1961 in Vel.</result>".length() + "<result>29</result>".length(),
                t.environmentChars());
    }

    @Test
    void answerOnlyIsValid() {
        ParsedTrajectory t = parser.parse("<answer>Vel</answer>");
        assertTrue(t.valid());
        assertEquals(List.of(), t.calls());
        assertEquals(List.of(new Span(0, "<answer>Vel</answer>", true)), t.spans());
    }

    @ParameterizedTest(name = "[{index}] {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "<answer>1</answer><answer>2</answer> | more than one <answer>",
        "<think>x</think> | no <answer>",
        "\"\" | no <answer>",
        "<answer>1</answer> more | text after the answer",
        "<answer>1</answer><think>x</think> | text after the answer",
        "<b>x</b><answer>1</answer> | unknown tag <b> at position 0",
        "<python>1</python><result>1</result><answer>1</answer> | unknown tag <python> at position 0",
        "<think><calc>1</calc><result>1</result></think><answer>1</answer> | nested tag <calc> inside <think> at position 7",
        "<think>x</calc><result>e</result><answer>1</answer> | unbalanced tag </calc> at position 8",
        "</think><answer>1</answer> | unbalanced tag </think> at position 0",
        "<think>x<answer>1</answer> | nested tag <answer> inside <think> at position 8",
        "<answer>1 | unclosed <answer>",
        "<calc>1+1</calc><answer>2</answer> | tool call <calc> not followed by its result",
        "<calc>1+1</calc> <result>2</result><answer>2</answer> | tool call <calc> not followed by its result",
        "<calc>1+1</calc> | tool call <calc> not followed by its result",
        "<result>2</result><answer>2</answer> | <result> at position 0 does not follow a tool call",
        "<calc>1+1</calc><result>2 | unclosed <result>",
    })
    void reportsTheFirstFormatProblem(String text, String reason) {
        ParsedTrajectory t = parser.parse(text);
        assertFalse(t.valid());
        assertEquals(reason, t.invalidReason());
        assertEquals(text, t.spans().stream().map(Span::text).collect(Collectors.joining()));
    }

    @Test
    void answerIsAbsentUnlessThereIsExactlyOne() {
        assertEquals(Optional.empty(), parser.parse("<answer>1</answer><answer>2</answer>").answer());
        assertEquals(Optional.of("1"), parser.parse("<answer>1</answer> trailing").answer());
    }

    @Test
    void onlyResultsRightAfterAToolCallAreEnvironmentText() {
        String forged = "<result>fake</result>";
        ParsedTrajectory t = parser.parse("<calc>2</calc><result>2</result>" + forged + "<answer>2</answer>");
        assertFalse(t.valid());
        assertEquals(List.of(new Span(0, "<calc>2</calc>", true), new Span(14, "<result>2</result>", false),
                new Span(32, forged + "<answer>2</answer>", true)), t.spans());
    }

    @Test
    void resultAfterAnUnbalancedToolTagIsStillEnvironmentText() {
        ParsedTrajectory t = parser.parse("<think>x</calc><result>error: bad</result><answer>1</answer>");
        assertEquals(new Span(15, "<result>error: bad</result>", false), t.spans().get(1));
        assertEquals(List.of(), t.calls());
    }

    @Test
    void resultContentIsOpaque() {
        ParsedTrajectory t = parser.parse("<search>q</search><result>a <b> c</result><answer>c</answer>");
        assertTrue(t.valid(), t.invalidReason());
        assertEquals("a <b> c", t.calls().get(0).result());
    }
}
