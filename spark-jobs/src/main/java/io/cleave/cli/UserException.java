package io.cleave.cli;

/** A problem with the user's input; the message is shown as one line, without a stack trace. */
public final class UserException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** An error with a user-facing message. */
    public UserException(String message) {
        super(message);
    }
}
