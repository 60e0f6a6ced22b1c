package io.cleave.tests.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Cleave's JVM flags: the java argument file {@code cluster-conf/jvm-flags} that the launcher, Maven's test JVMs,
 * the images and the benchmarks read.
 */
public final class JvmFlags {

    private JvmFlags() {}

    /** The file. */
    public static Path file() {
        return Repository.file("cluster-conf/jvm-flags");
    }

    /** The flags, in order: every word of every line that is not a {@code #} comment. */
    public static List<String> flags() {
        try {
            return Files.readAllLines(file()).stream().map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .flatMap(line -> Arrays.stream(line.split("\\s+"))).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file(), e);
        }
    }

    /** The JVM option that reads the file, {@code @/abs/path/cluster-conf/jvm-flags}. */
    public static String argumentFile() {
        return "@" + file();
    }
}
