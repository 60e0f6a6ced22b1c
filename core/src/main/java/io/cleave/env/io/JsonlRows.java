package io.cleave.env.io;

import java.nio.file.Path;
import java.util.List;

/**
 * What reading a JSON Lines file produced: the usable rows in file order and the errors of the rejected lines.
 *
 * @param file the file read
 * @param rows the usable rows
 * @param errors one entry per rejected line, in file order
 * @param <T> the row type
 */
public record JsonlRows<T>(Path file, List<T> rows, List<RowError> errors) {

    /** Copies the lists. */
    public JsonlRows {
        rows = List.copyOf(rows);
        errors = List.copyOf(errors);
    }

    /**
     * Returns the rows, or throws {@link IllegalArgumentException} with a one-line message naming the file, the
     * number of rejected lines and the first one's reason when no row is usable.
     */
    public List<T> requireRows(String what) {
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("no usable " + what + " in " + file + ": " + (errors.isEmpty()
                    ? "the file has no rows" : "all " + errors.size() + " line(s) rejected, the first at line "
                    + errors.get(0).line() + ": " + errors.get(0).reason()));
        }
        return rows;
    }
}
