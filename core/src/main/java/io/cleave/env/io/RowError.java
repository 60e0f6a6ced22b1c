package io.cleave.env.io;

import java.nio.file.Path;

/**
 * One unusable line of a JSON Lines file.
 *
 * @param file the file
 * @param line the 1-based line number
 * @param reason why the line could not be used
 */
public record RowError(Path file, int line, String reason) {

    @Override
    public String toString() {
        return file + ":" + line + ": " + reason;
    }
}
