package io.cleave.train.run;

/**
 * A training run stopped for a reason the user has to act on: the disk is full or the run directory unwritable,
 * or too many updates in a row were not finite. The message is one line naming the path or setting and the cause;
 * checkpoints written before stay complete.
 */
public final class RunStoppedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** A stop with its one-line message and the exception behind it. */
    public RunStoppedException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * {@code "cannot write WHAT PATH: CAUSE"}, where CAUSE is the first line of the innermost exception's message
     * (e.g. {@code java.io.IOException: No space left on device}).
     */
    public static RunStoppedException cannotWrite(String what, Object path, Throwable e) {
        return new RunStoppedException("cannot write " + what + " " + path + ": " + rootCause(e), e);
    }

    private static String rootCause(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? "" : root.getMessage().lines().findFirst().orElse("");
        return root.getClass().getName() + (message.isEmpty() ? "" : ": " + message);
    }
}
