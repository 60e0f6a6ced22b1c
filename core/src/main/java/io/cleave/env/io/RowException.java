package io.cleave.env.io;

/** Thrown by a row mapper to reject one JSON Lines row; the message becomes the row's reported reason. */
public class RowException extends Exception {

    /** A rejection with a readable reason, e.g. {@code "field 'id' is missing"}. */
    public RowException(String reason) {
        super(reason);
    }
}
