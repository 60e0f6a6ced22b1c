package io.cleave.env.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ProtocolTest {

    private final Protocol protocol = new Protocol(Set.of("search", "calc"));

    @Test
    void stopStringsAreToolClosingTagsThenAnswer() {
        assertEquals(List.of("</calc>", "</search>", "</answer>"), protocol.stopStrings());
        assertEquals(List.of("</answer>"), new Protocol(Set.of()).stopStrings());
    }

    @Test
    void detectsTheCallAtTheEnd() {
        assertEquals(new Detection.ToolCall("calc", "7*12"), protocol.detect("<think>x</think><calc>7*12</calc>"));
        assertEquals(new Detection.ToolCall("search", "Vel"),
                protocol.detect("<calc>1</calc><result>1</result><search>Vel</search>"));
        assertEquals(new Detection.ToolCall("calc", ""), protocol.detect("<calc></calc>"));
        assertEquals(new Detection.ToolCall("calc", "2+2"),
                protocol.detect("<calc>1</calc><result>1</result><calc>2+2</calc>"));
    }

    @Test
    void detectsAnswerIncompleteAndMalformed() {
        assertEquals(new Detection.FinalAnswer("84"),
                protocol.detect("<calc>7*12</calc><result>84</result><answer>84</answer>"));
        assertEquals(new Detection.Incomplete(), protocol.detect("<calc>7*1"));
        assertEquals(new Detection.Incomplete(), protocol.detect(""));
        assertEquals(new Detection.Malformed("calc", "</calc> without <calc>"), protocol.detect("7*12</calc>"));
        assertEquals(new Detection.Malformed("answer", "</answer> without <answer>"), protocol.detect("x</answer>"));
    }

    @Test
    void countsToolCalls() {
        assertEquals(0, protocol.toolCallCount("<think>a</think>"));
        assertEquals(3, protocol.toolCallCount(
                "<calc>1</calc><result>1</result><search>a</search><result>b</result><calc>2</calc>"));
    }
}
