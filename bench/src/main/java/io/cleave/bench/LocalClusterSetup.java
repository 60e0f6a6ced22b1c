package io.cleave.bench;

import io.cleave.spark.home.ClasspathJars;
import io.cleave.spark.home.SparkHome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;

/**
 * Prepares this JVM for Spark's {@code local-cluster} master, as the integration tests do: the SPARK_HOME named by
 * the environment (set by the launcher) links the classpath's third-party jars ({@link SparkHome}), the Cleave jars
 * go to the executors through {@code spark.jars}, and executors start with Cleave's JVM flags (the argument file
 * {@code cluster-conf/jvm-flags} of the repository).
 */
final class LocalClusterSetup {

    private LocalClusterSetup() {}

    /** Prepares SPARK_HOME and the system properties the SparkConf of the run will read. */
    static void prepare(int executorMemoryMb) {
        ClasspathJars classpath = ClasspathJars.of(System.getProperty("java.class.path"));
        SparkHome.fromEnvironment(classpath.thirdParty());
        System.setProperty("spark.jars", classpath.cleaveJars().stream().map(p -> p.toAbsolutePath().toString())
                .collect(Collectors.joining(",")));
        System.setProperty("spark.executor.memory", executorMemoryMb + "m");
        System.setProperty("spark.executor.extraJavaOptions", "@" + jvmFlags());
    }

    /** {@code cluster-conf/jvm-flags} of the repository. */
    private static Path jvmFlags() {
        Path flags = BenchContext.root().resolve("cluster-conf").resolve("jvm-flags");
        if (!Files.isRegularFile(flags)) {
            throw new IllegalStateException(flags + " not found: run through ./cleave bench (it sets CLEAVE_ROOT)");
        }
        return flags;
    }
}
