package io.cleave.bench;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Prepares this JVM for Spark's {@code local-cluster} master: the SPARK_HOME named by the environment (set by the
 * launcher) is filled with an empty {@code RELEASE} file and links to the classpath's third-party jars, and the
 * Cleave jars go to the executors through {@code spark.jars}; executors get one intra-op thread per core.
 */
final class LocalClusterSetup {

    private LocalClusterSetup() {}

    /** Prepares SPARK_HOME and the system properties the SparkConf of the run will read. */
    static void prepare(int executorMemoryMb) throws IOException {
        String home = System.getenv("SPARK_HOME");
        if (home == null || home.isBlank()) {
            throw new IllegalStateException("SPARK_HOME is not set: run through ./cleave bench");
        }
        Path jarsDir = Files.createDirectories(Path.of(home, "jars"));
        Files.write(Path.of(home, "RELEASE"), new byte[0]);
        try (Stream<Path> old = Files.list(jarsDir)) {
            for (Path p : old.toList()) {
                Files.delete(p);
            }
        }
        List<String> cleaveJars = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            for (Path jar : expand(entry)) {
                String name = jar.getFileName().toString();
                if (name.startsWith("cleave")) {
                    cleaveJars.add(jar.toAbsolutePath().toString());
                } else if (!Files.exists(jarsDir.resolve(name))) {
                    Files.createSymbolicLink(jarsDir.resolve(name), jar.toAbsolutePath());
                }
            }
        }
        System.setProperty("spark.jars", String.join(",", cleaveJars));
        System.setProperty("spark.executor.memory", executorMemoryMb + "m");
        System.setProperty("spark.executor.extraJavaOptions", "-Dai.djl.pytorch.num_interop_threads=1 "
                + "-Dai.djl.offline=true");
    }

    private static List<Path> expand(String entry) throws IOException {
        if (entry.endsWith("*")) {
            Path dir = Path.of(entry.substring(0, entry.length() - 1));
            try (Stream<Path> s = Files.list(dir)) {
                return s.filter(p -> p.toString().endsWith(".jar")).sorted().toList();
            }
        }
        Path p = Path.of(entry);
        return Files.isRegularFile(p) && entry.endsWith(".jar") ? List.of(p) : List.of();
    }
}
