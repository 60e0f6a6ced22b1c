package io.cleave.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/**
 * Where a benchmark runs and writes: the repository root ({@code CLEAVE_ROOT}, set by the launcher, else the working
 * directory), its {@code bench/results/} and {@code bench/work/} folders, and the header every report starts with.
 */
final class BenchContext {

    private BenchContext() {}

    /** The repository root. */
    static Path root() {
        String root = System.getenv("CLEAVE_ROOT");
        return Path.of(root == null || root.isBlank() ? "." : root).toAbsolutePath().normalize();
    }

    /** {@code bench/results/}, created when missing. */
    static Path results() {
        return create(root().resolve("bench/results"));
    }

    /** {@code bench/work/NAME}, created when missing (caches and scratch runs; not committed). */
    static Path work(String name) {
        return create(root().resolve("bench/work").resolve(name));
    }

    /**
     * The report header: the command on the first line, then the date, cores and the load average at the start (the
     * figures are only as quiet as the machine was).
     */
    static String header(String command) {
        return String.format(Locale.ROOT, "command: %s%n%nmeasured %s on %d cores; load average at start: %s%n",
                command, Instant.now().truncatedTo(ChronoUnit.SECONDS), Runtime.getRuntime().availableProcessors(),
                loadAverage());
    }

    /** The first three fields of {@code /proc/loadavg}, or "unknown". */
    static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static Path create(Path dir) {
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir, e);
        }
    }
}
