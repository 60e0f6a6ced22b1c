package io.cleave.env.protocol;

import io.cleave.env.tools.ToolSet;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The protocol for one set of tool names: what a decoder stops on, what a stopped text means, and the parser of
 * finished trajectories. Immutable and thread-safe.
 */
public final class Protocol {

    private final Set<String> toolNames;
    private final List<String> stopStrings;

    /** The protocol for tools with these names (lowercase letters). */
    public Protocol(Set<String> toolNames) {
        this.toolNames = Collections.unmodifiableSet(new TreeSet<>(toolNames));
        List<String> stops = new ArrayList<>();
        this.toolNames.forEach(n -> stops.add(Tags.close(n)));
        stops.add(Tags.close(Tags.ANSWER));
        this.stopStrings = List.copyOf(stops);
    }

    /** The protocol for the tools of {@code tools}. */
    public static Protocol of(ToolSet tools) {
        return new Protocol(tools.names());
    }

    /** The registered tool names, sorted. */
    public Set<String> toolNames() {
        return toolNames;
    }

    /**
     * The strings a decoder stops on: the closing tag of every registered tool (sorted by name), then
     * {@code </answer>}; e.g. {@code [</calc>, </search>, </answer>]}.
     */
    public List<String> stopStrings() {
        return stopStrings;
    }

    /**
     * What {@code generated} (the trajectory so far, normally ending at a stop string) ends with: a tool call with
     * its argument (the text since the last opening tag of that tool), a final answer, a closing tag without its
     * opening tag, or nothing complete.
     */
    public Detection detect(String generated) {
        for (String name : toolNames) {
            if (generated.endsWith(Tags.close(name))) {
                return detectElement(generated, name, false);
            }
        }
        if (generated.endsWith(Tags.close(Tags.ANSWER))) {
            return detectElement(generated, Tags.ANSWER, true);
        }
        return new Detection.Incomplete();
    }

    /** Number of closing tool tags in {@code trajectory}: the tool calls made so far, including one just closed. */
    public int toolCallCount(String trajectory) {
        int count = 0;
        for (String name : toolNames) {
            String close = Tags.close(name);
            for (int i = trajectory.indexOf(close); i >= 0; i = trajectory.indexOf(close, i + close.length())) {
                count++;
            }
        }
        return count;
    }

    /** A parser of finished trajectories under this protocol. */
    public TrajectoryParser parser() {
        return new TrajectoryParser(toolNames);
    }

    private static Detection detectElement(String text, String name, boolean answer) {
        String open = Tags.open(name);
        int end = text.length() - Tags.close(name).length();
        int start = text.lastIndexOf(open, end - open.length());
        if (start < 0) {
            return new Detection.Malformed(name, Tags.close(name) + " without " + open);
        }
        String content = text.substring(start + open.length(), end);
        return answer ? new Detection.FinalAnswer(content) : new Detection.ToolCall(name, content);
    }
}
