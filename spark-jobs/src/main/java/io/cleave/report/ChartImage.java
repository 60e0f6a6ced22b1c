package io.cleave.report;

import java.util.List;

/**
 * One plot of the report.
 *
 * @param fileName PNG file name under the report's image folder, or null when no series had data (nothing drawn)
 * @param title    the plot's title
 * @param missing  labels of series with no recorded value in this run (e.g. held-out accuracy without evaluation)
 */
public record ChartImage(String fileName, String title, List<String> missing) {

    /** Copies the missing labels. */
    public ChartImage {
        missing = List.copyOf(missing);
    }

    /** Whether the PNG was written. */
    public boolean drawn() {
        return fileName != null;
    }
}
