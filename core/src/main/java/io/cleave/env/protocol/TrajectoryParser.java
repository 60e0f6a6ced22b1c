package io.cleave.env.protocol;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;

/**
 * Splits a finished trajectory (the text after the prompt) into tool calls, answer and policy / environment
 * spans, and checks its format.
 *
 * <p>Spans follow what the environment does during a rollout: a {@code <result>...</result>} block that starts
 * right after a closing tool tag is environment text (its content is opaque: tags are not looked for inside it);
 * everything else is policy text, including any {@code <result>} the policy wrote itself.
 *
 * <p>The format is valid when: every tag is known ({@code think}, {@code answer}, {@code result} or a registered
 * tool); elements do not nest and every opening tag has its closing tag; every tool call is immediately followed
 * by its result and every result follows a tool call; there is exactly one {@code <answer>}; nothing but
 * whitespace follows it. Free text between elements is allowed. The first problem found is the reason given.
 */
public final class TrajectoryParser {

    private static final String RESULT_OPEN = Tags.open(Tags.RESULT);
    private static final String RESULT_CLOSE = Tags.close(Tags.RESULT);

    private final Set<String> toolNames;

    /** A parser for a protocol with these tool names. */
    public TrajectoryParser(Set<String> toolNames) {
        this.toolNames = Set.copyOf(new TreeSet<>(toolNames));
    }

    /** Parses {@code trajectory}; never throws on bad format (the result says what is wrong). */
    public ParsedTrajectory parse(String trajectory) {
        return new Run(trajectory).parse();
    }

    /** State of one parse. */
    private final class Run {
        private final String text;
        private final List<ToolCallRecord> calls = new ArrayList<>();
        private final List<Span> spans = new ArrayList<>();
        private String problem;
        private String open;
        private int contentStart;
        private String pendingTool;
        private String pendingArgument;
        private int lastToolCloseEnd = -1;
        private int answers;
        private String answer;
        private int answerEnd = -1;
        private int policyStart;

        Run(String text) {
            this.text = text;
        }

        ParsedTrajectory parse() {
            Matcher m = Tags.TAG.matcher(text);
            int pos = 0;
            while (pos < text.length() && m.find(pos)) {
                int start = m.start();
                boolean closing = !m.group(1).isEmpty();
                String name = m.group(2);
                if (!closing && name.equals(Tags.RESULT) && start == lastToolCloseEnd) {
                    pos = environmentResult(start, m.end());
                    continue;
                }
                requireNoPendingCall();
                pos = m.end();
                if (!isKnown(name)) {
                    fail("unknown tag " + m.group() + " at position " + start);
                } else if (closing) {
                    closeTag(name, start, m.end());
                } else {
                    openTag(name, start);
                    contentStart = m.end();
                }
            }
            requireNoPendingCall();
            if (open != null) {
                fail("unclosed <" + open + ">");
            }
            if (answers == 0) {
                fail("no <answer>");
            }
            if (answerEnd >= 0 && !text.substring(answerEnd).isBlank()) {
                fail("text after the answer");
            }
            addSpan(policyStart, text.length(), true);
            Optional<String> finalAnswer = answers == 1 ? Optional.of(answer) : Optional.empty();
            return new ParsedTrajectory(calls, finalAnswer, problem == null, problem == null ? "" : problem, spans);
        }

        private int environmentResult(int start, int contentFrom) {
            int close = text.indexOf(RESULT_CLOSE, contentFrom);
            int end = close < 0 ? text.length() : close + RESULT_CLOSE.length();
            addSpan(policyStart, start, true);
            addSpan(start, end, false);
            policyStart = end;
            if (close < 0) {
                fail("unclosed <result>");
            } else if (pendingTool != null) {
                calls.add(new ToolCallRecord(pendingTool, pendingArgument, text.substring(contentFrom, close)));
            }
            pendingTool = null;
            lastToolCloseEnd = -1;
            return end;
        }

        private void openTag(String name, int start) {
            if (name.equals(Tags.RESULT)) {
                fail("<result> at position " + start + " does not follow a tool call");
            }
            if (open != null) {
                fail("nested tag <" + name + "> inside <" + open + "> at position " + start);
            }
            if (name.equals(Tags.ANSWER) && answers > 0) {
                fail("more than one <answer>");
            }
            open = name;
        }

        private void closeTag(String name, int start, int end) {
            boolean tool = toolNames.contains(name);
            if (tool) {
                lastToolCloseEnd = end;
            }
            if (!name.equals(open)) {
                fail("unbalanced tag </" + name + "> at position " + start);
                open = null;
                return;
            }
            String content = text.substring(contentStart, start);
            open = null;
            if (tool) {
                pendingTool = name;
                pendingArgument = content;
            } else if (name.equals(Tags.ANSWER)) {
                answers++;
                answer = content;
                answerEnd = end;
            }
        }

        private void requireNoPendingCall() {
            if (pendingTool != null) {
                fail("tool call <" + pendingTool + "> not followed by its result");
                pendingTool = null;
            }
        }

        private boolean isKnown(String name) {
            return name.equals(Tags.THINK) || name.equals(Tags.ANSWER) || name.equals(Tags.RESULT)
                    || toolNames.contains(name);
        }

        private void fail(String reason) {
            if (problem == null) {
                problem = reason;
            }
        }

        private void addSpan(int from, int to, boolean fromPolicy) {
            if (to > from) {
                spans.add(new Span(from, text.substring(from, to), fromPolicy));
            }
        }
    }
}
