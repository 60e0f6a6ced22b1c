package io.cleave.env.protocol;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * A finished trajectory split into its parts.
 *
 * @param calls completed tool calls (call followed by its result), in order
 * @param answer the content of the {@code <answer>} element, present only when there is exactly one
 * @param valid whether the format follows the protocol
 * @param invalidReason the first format problem found, empty when valid
 * @param spans the whole text as consecutive policy / environment spans
 */
public record ParsedTrajectory(List<ToolCallRecord> calls, Optional<String> answer, boolean valid,
        String invalidReason, List<Span> spans) {

    /** Copies the lists. */
    public ParsedTrajectory {
        calls = List.copyOf(calls);
        spans = List.copyOf(spans);
    }

    /** The distinct tool names used, sorted. */
    public Set<String> toolKinds() {
        return calls.stream().map(ToolCallRecord::tool).collect(Collectors.toCollection(TreeSet::new));
    }

    /** The number of characters the environment wrote. */
    public int environmentChars() {
        return spans.stream().filter(s -> !s.fromPolicy()).mapToInt(s -> s.text().length()).sum();
    }
}
