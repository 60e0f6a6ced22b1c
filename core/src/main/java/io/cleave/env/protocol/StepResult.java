package io.cleave.env.protocol;

/**
 * The outcome of one tool call: what to append to the trajectory, and how it went (for metrics).
 *
 * @param tool the tool name as called
 * @param argument the argument as called
 * @param content the result content (already truncated and made tag-free)
 * @param status how the call went
 */
public record StepResult(String tool, String argument, String content, Status status) {

    /** How a call went. */
    public enum Status {
        /** The tool ran and returned. */
        OK,
        /** The tool rejected the argument or failed. */
        TOOL_ERROR,
        /** The tool ran past the time-out. */
        TIMEOUT,
        /** No tool of that name is registered. */
        UNKNOWN_TOOL,
        /** The trajectory already made its maximum number of calls. */
        CALL_LIMIT,
        /** The trajectory reached its maximum length; the caller should end it. */
        LENGTH_LIMIT,
        /** A closing tool tag without its opening tag. */
        MALFORMED_CALL
    }

    /** The exact text to append: {@code <result>content</result>}. */
    public String text() {
        return Tags.wrap(Tags.RESULT, content);
    }

    /** Whether the content is an error message ({@code error: ...}). */
    public boolean isError() {
        return status != Status.OK;
    }
}
