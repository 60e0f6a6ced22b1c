package io.cleave.env.io;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What reading a JSON Lines file produced: the usable rows in file order and the errors of the rejected lines.
 *
 * @param file the file read
 * @param rows the usable rows
 * @param errors one entry per rejected line, in file order
 * @param <T> the row type
 */
public record JsonlRows<T>(Path file, List<T> rows, List<RowError> errors) {

    private static final int ERRORS_IN_MESSAGE = 10;

    /** Copies the lists. */
    public JsonlRows {
        rows = List.copyOf(rows);
        errors = List.copyOf(errors);
    }

    /**
     * Returns the rows, or throws {@link IllegalArgumentException} naming the file and its first errors when no
     * row is usable.
     */
    public List<T> requireRows(String what) {
        if (rows.isEmpty()) {
            String listed = errors.stream().limit(ERRORS_IN_MESSAGE).map(RowError::toString)
                    .collect(Collectors.joining("\n  "));
            throw new IllegalArgumentException("no usable " + what + " in " + file + " (" + errors.size()
                    + " bad line(s))" + (errors.isEmpty() ? "" : ":\n  " + listed));
        }
        return rows;
    }
}
