package io.cleave.tests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A SPARK_HOME for real executor and daemon JVMs built from Maven's jars: a folder with an empty {@code RELEASE}
 * file and {@code jars/} holding symbolic links to every third-party runtime jar of the test classpath.
 *
 * <p>{@code local-cluster} reads SPARK_HOME from the test JVM's environment, which tests/pom.xml sets for failsafe
 * (with {@code SPARK_SCALA_VERSION=2.13} and {@code SPARK_LOCAL_IP=127.0.0.1}); {@link #fromEnvironment()}
 * prepares that folder. Processes started by the harness get {@link #environment()}.
 *
 * @param dir the SPARK_HOME folder
 */
public record SparkHome(Path dir) {

    /** Scala binary version of the Spark jars. */
    public static final String SCALA_VERSION = "2.13";

    /** The SPARK_HOME named by the environment, prepared from the test classpath. */
    public static SparkHome fromEnvironment() {
        String home = System.getenv("SPARK_HOME");
        if (home == null || home.isBlank()) {
            throw new IllegalStateException("SPARK_HOME is not set: run the integration tests through Maven "
                    + "(tests/pom.xml sets SPARK_HOME, SPARK_SCALA_VERSION and SPARK_LOCAL_IP for failsafe)");
        }
        return prepare(Path.of(home), TestClasspath.runtimeJars());
    }

    /** Creates (or refreshes) {@code dir} with an empty RELEASE file and links to {@code jars} in {@code jars/}. */
    public static synchronized SparkHome prepare(Path dir, List<Path> jars) {
        try {
            Path jarsDir = Files.createDirectories(dir.resolve("jars"));
            Files.write(dir.resolve("RELEASE"), new byte[0]);
            try (Stream<Path> old = Files.list(jarsDir)) {
                for (Path p : old.toList()) {
                    Files.delete(p);
                }
            }
            Set<String> names = new HashSet<>();
            for (Path jar : jars) {
                String name = jar.getFileName().toString();
                if (!names.add(name)) {
                    name = names.size() + "-" + name;
                    names.add(name);
                }
                Files.createSymbolicLink(jarsDir.resolve(name), jar.toAbsolutePath());
            }
            return new SparkHome(dir.toAbsolutePath());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare SPARK_HOME " + dir, e);
        }
    }

    /** The {@code jars/} folder. */
    public Path jars() {
        return dir.resolve("jars");
    }

    /** Classpath of Spark's own JVMs: every jar in {@code jars/}. */
    public String classpath() {
        return jars().resolve("*").toString();
    }

    /** Environment of the JVMs the harness starts: SPARK_HOME, SPARK_SCALA_VERSION, SPARK_LOCAL_IP. */
    public Map<String, String> environment() {
        return Map.of("SPARK_HOME", dir.toString(), "SPARK_SCALA_VERSION", SCALA_VERSION,
                "SPARK_LOCAL_IP", "127.0.0.1");
    }
}
