package io.cleave.env.tools;

/**
 * A tool's refusal or failure on one argument. Its message is shown to the policy as
 * {@code <result>error: MESSAGE</result>}, so it must be short and readable.
 */
public class ToolException extends Exception {

    /** A failure with a readable message. */
    public ToolException(String message) {
        super(message);
    }
}
