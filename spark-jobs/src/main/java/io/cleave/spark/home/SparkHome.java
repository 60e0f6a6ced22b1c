package io.cleave.spark.home;

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
 * A SPARK_HOME for real executor and daemon JVMs built from a JVM's own jars rather than a Spark distribution: a
 * folder with an empty {@code RELEASE} file and {@code jars/} holding symbolic links to every third-party runtime
 * jar. Spark's {@code local-cluster} master (the integration tests, {@code cleave bench scaling}) launches its
 * executors from it; standalone daemons and {@code spark-submit} run with its {@link #classpath()}.
 *
 * <pre>
 *   SparkHome home = SparkHome.fromEnvironment(ClasspathJars.of(System.getProperty("java.class.path")).thirdParty());
 * </pre>
 *
 * @param dir the SPARK_HOME folder
 */
public record SparkHome(Path dir) {

    /** Scala binary version of the Spark jars. */
    public static final String SCALA_VERSION = "2.13";

    /**
     * The SPARK_HOME named by the environment (which {@code local-cluster} also reads), prepared with {@code jars}.
     *
     * @throws IllegalStateException when SPARK_HOME is not set
     */
    public static SparkHome fromEnvironment(List<Path> jars) {
        String home = System.getenv("SPARK_HOME");
        if (home == null || home.isBlank()) {
            throw new IllegalStateException("SPARK_HOME is not set: local-cluster needs it (the ./cleave launcher "
                    + "sets it for benchmarks, tests/pom.xml for the integration tests, with SPARK_SCALA_VERSION="
                    + SCALA_VERSION + " and SPARK_LOCAL_IP=127.0.0.1)");
        }
        return prepare(Path.of(home), jars);
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

    /** Environment of JVMs started from this home: SPARK_HOME, SPARK_SCALA_VERSION, SPARK_LOCAL_IP. */
    public Map<String, String> environment() {
        return Map.of("SPARK_HOME", dir.toString(), "SPARK_SCALA_VERSION", SCALA_VERSION,
                "SPARK_LOCAL_IP", "127.0.0.1");
    }
}
