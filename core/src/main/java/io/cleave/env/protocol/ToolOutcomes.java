package io.cleave.env.protocol;

import java.util.regex.Pattern;

/**
 * How a trajectory's tool calls failed, read from the results the environment appended: every result starting
 * with {@code error: } is a failed call; those that {@link ToolEnvironment} wrote for a call past its time-out are
 * time-outs, the rest errors (the tool threw or rejected its argument, unknown tool, call or length limit).
 *
 * @param errors failed calls other than time-outs
 * @param timeouts calls stopped at the time-out
 */
public record ToolOutcomes(int errors, int timeouts) {

    private static final String ERROR_PREFIX = "error: ";
    private static final Pattern TIMEOUT = Pattern.compile("error: tool \\S+ timed out after \\d+ ms");

    /** The outcomes of {@code trajectory}'s calls. */
    public static ToolOutcomes of(ParsedTrajectory trajectory) {
        int errors = 0;
        int timeouts = 0;
        for (ToolCallRecord call : trajectory.calls()) {
            if (TIMEOUT.matcher(call.result()).matches()) {
                timeouts++;
            } else if (call.result().startsWith(ERROR_PREFIX)) {
                errors++;
            }
        }
        return new ToolOutcomes(errors, timeouts);
    }
}
