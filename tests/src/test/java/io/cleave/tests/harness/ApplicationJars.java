package io.cleave.tests.harness;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/**
 * Cleave's jars that Spark jobs ship to executors ({@code spark.jars} / {@code --jars}): the spark-jobs application
 * jar {@code spark-jobs/target/cleave.jar} and the core jar in {@code spark-jobs/target/lib/}, found relative to the
 * tests module's base directory, and a jar of the integration tests' own classes (for functions defined in an IT).
 * Executors need jars, not classes folders, or lambdas fail to deserialize.
 */
public final class ApplicationJars {

    private ApplicationJars() {}

    /** The tests module's base directory (failsafe's {@code basedir}). */
    static Path basedir() {
        return Path.of(System.getProperty("basedir", ".")).toAbsolutePath().normalize();
    }

    /** {@code spark-jobs/target/cleave.jar}, the application jar of {@code spark-submit}. */
    public static Path sparkJobsJar() {
        Path jar = basedir().resolveSibling("spark-jobs").resolve("target").resolve("cleave.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " not found: package spark-jobs first (mvn -pl spark-jobs,tests "
                    + "verify, or mvn -pl spark-jobs install -DskipTests)");
        }
        return jar;
    }

    /** The Cleave jars the application jar needs beside it: {@code spark-jobs/target/lib/cleave-*.jar}. */
    public static List<Path> sparkJobsDependencies() {
        Path lib = sparkJobsJar().resolveSibling("lib");
        try (Stream<Path> files = Files.list(lib)) {
            List<Path> jars = files.filter(p -> p.getFileName().toString().startsWith("cleave-")).sorted().toList();
            if (jars.isEmpty()) {
                throw new IllegalStateException("no cleave-*.jar in " + lib);
            }
            return jars;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + lib, e);
        }
    }

    /** The integration tests' classes ({@code target/test-classes}) packed into {@code dir/cleave-it-classes.jar}. */
    public static Path testClassesJar(Path dir) {
        Path classes = basedir().resolve("target").resolve("test-classes");
        Path jar = dir.resolve("cleave-it-classes.jar");
        try (OutputStream file = Files.newOutputStream(Files.createDirectories(dir).resolve(jar.getFileName()));
             JarOutputStream out = new JarOutputStream(file);
             Stream<Path> tree = Files.walk(classes)) {
            for (Path p : tree.filter(Files::isRegularFile).sorted().toList()) {
                out.putNextEntry(new JarEntry(classes.relativize(p).toString().replace('\\', '/')));
                Files.copy(p, out);
                out.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot pack " + classes + " into " + jar, e);
        }
        return jar;
    }

    /** Everything a job defined in an IT ships: the application jar, its Cleave dependencies, the IT classes. */
    public static List<Path> forIntegrationTests(Path dir) {
        List<Path> jars = new ArrayList<>();
        jars.add(sparkJobsJar());
        jars.addAll(sparkJobsDependencies());
        jars.add(testClassesJar(dir));
        return jars;
    }
}
