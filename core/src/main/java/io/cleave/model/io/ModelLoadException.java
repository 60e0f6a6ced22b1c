package io.cleave.model.io;

/** A model directory cannot be used; the message names the file and the problem and is fit to show a user. */
public final class ModelLoadException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** An error with a user-facing message. */
    public ModelLoadException(String message) {
        super(message);
    }

    /** An error with a user-facing message and its cause. */
    public ModelLoadException(String message, Throwable cause) {
        super(message, cause);
    }
}
