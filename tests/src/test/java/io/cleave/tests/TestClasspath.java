package io.cleave.tests;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * The classpath of the test JVM as failsafe gives it ({@code surefire.test.class.path}, else
 * {@code java.class.path}), split into Cleave's own entries and the third-party runtime jars.
 */
final class TestClasspath {

    private static final String TEST_LOGGING_BINDING = "slf4j-simple";

    private TestClasspath() {}

    /** Every entry, in order. */
    static List<Path> entries() {
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        return Arrays.stream(cp.split(File.pathSeparator)).filter(s -> !s.isBlank()).map(Path::of).toList();
    }

    /**
     * Whether the entry is Cleave's own (a classes folder, or a jar named {@code cleave*}): those reach executors
     * through {@code spark.jars}, never through SPARK_HOME.
     */
    static boolean isCleave(Path entry) {
        return Files.isDirectory(entry) || entry.getFileName().toString().startsWith("cleave");
    }

    /**
     * The third-party jars: what a Spark distribution's {@code jars/} folder would hold for these tests. The tests'
     * own SLF4J binding ({@code slf4j-simple}) is left out, so Spark's JVMs log through Spark's log4j binding only.
     */
    static List<Path> runtimeJars() {
        return entries().stream()
                .filter(p -> Files.isRegularFile(p) && p.toString().endsWith(".jar") && !isCleave(p))
                .filter(p -> !p.getFileName().toString().startsWith(TEST_LOGGING_BINDING))
                .toList();
    }
}
