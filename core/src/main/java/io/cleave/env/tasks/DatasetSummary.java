package io.cleave.env.tasks;

import io.cleave.env.io.RowError;
import java.nio.file.Path;
import java.util.List;

/**
 * What a suite read from a user's data file: how many rows it uses and which it rejected, with the reasons.
 *
 * @param file the data file
 * @param accepted rows kept (before any difficulty filter)
 * @param rejected rejected lines in file order, each with its reason and raw text
 */
public record DatasetSummary(Path file, int accepted, List<RowError> rejected) {

    /** Copies the list. */
    public DatasetSummary {
        rejected = List.copyOf(rejected);
    }
}
