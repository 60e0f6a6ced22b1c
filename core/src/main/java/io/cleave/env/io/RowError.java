package io.cleave.env.io;

import java.nio.file.Path;

/**
 * One unusable line of a JSON Lines file.
 *
 * @param file the file
 * @param line the 1-based line number
 * @param reason why the line could not be used
 * @param raw the line as read: its text, or its bytes in base64 when they are not valid UTF-8
 * @param rawIsBase64 whether {@code raw} is base64
 */
public record RowError(Path file, int line, String reason, String raw, boolean rawIsBase64) {

    /** {@code file:line: reason}. */
    @Override
    public String toString() {
        return file + ":" + line + ": " + reason;
    }
}
