package io.cleave.spark.home;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * A JVM's classpath split the way a Spark cluster needs it: Cleave's own entries (classes folders and jars named
 * {@code cleave*}), which reach executors through {@code spark.jars}, and the third-party jars, which a
 * {@link SparkHome}'s {@code jars/} holds. {@code dir/*} entries are expanded to the folder's jars.
 *
 * @param entries every entry, in order
 */
public record ClasspathJars(List<Path> entries) {

    /** SLF4J binding of Cleave's CLI and tests; Spark's JVMs log through Spark's own log4j binding instead. */
    private static final String CLI_LOGGING_BINDING = "slf4j-simple";

    /** Copies the list. */
    public ClasspathJars {
        entries = List.copyOf(entries);
    }

    /** The entries of a classpath string ({@code java.class.path}, {@code surefire.test.class.path}). */
    public static ClasspathJars of(String classpath) {
        List<Path> entries = new ArrayList<>();
        for (String entry : classpath.split(File.pathSeparator)) {
            if (entry.isBlank()) {
                continue;
            }
            if (entry.endsWith("*")) {
                Path dir = Path.of(entry.substring(0, entry.length() - 1));
                try (Stream<Path> jars = Files.list(dir)) {
                    jars.filter(p -> p.toString().endsWith(".jar")).sorted().forEach(entries::add);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot list classpath folder " + dir, e);
                }
            } else {
                entries.add(Path.of(entry));
            }
        }
        return new ClasspathJars(entries);
    }

    /** Whether the entry is Cleave's own: a classes folder, or a jar named {@code cleave*}. */
    public static boolean isCleave(Path entry) {
        return Files.isDirectory(entry) || entry.getFileName().toString().startsWith("cleave");
    }

    /** Cleave's jars, for {@code spark.jars} (classes folders left out: executors need jars). */
    public List<Path> cleaveJars() {
        return entries.stream().filter(p -> isJar(p) && isCleave(p)).toList();
    }

    /**
     * The third-party jars: what a Spark distribution's {@code jars/} folder would hold, less the
     * {@code slf4j-simple} binding, so that Spark's JVMs log through Spark's log4j binding only.
     */
    public List<Path> thirdParty() {
        return entries.stream().filter(p -> isJar(p) && !isCleave(p))
                .filter(p -> !p.getFileName().toString().startsWith(CLI_LOGGING_BINDING)).toList();
    }

    private static boolean isJar(Path p) {
        return Files.isRegularFile(p) && p.toString().endsWith(".jar");
    }
}
