package io.cleave.tests.harness;

import io.cleave.spark.home.ClasspathJars;
import io.cleave.spark.home.SparkHome;
import java.nio.file.Path;
import java.util.List;

/**
 * The classpath of the test JVM as failsafe gives it ({@code surefire.test.class.path}, else
 * {@code java.class.path}), and the SPARK_HOME made of its third-party jars.
 */
public final class TestClasspath {

    private TestClasspath() {}

    /** The classpath, split into Cleave's entries and the third-party jars. */
    public static ClasspathJars jars() {
        return ClasspathJars.of(System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")));
    }

    /** Every entry, in order. */
    public static List<Path> entries() {
        return jars().entries();
    }

    /**
     * The SPARK_HOME that tests/pom.xml names for failsafe (which {@code local-cluster} reads from the environment),
     * prepared with the third-party jars of this classpath.
     */
    public static SparkHome sparkHome() {
        return SparkHome.fromEnvironment(jars().thirdParty());
    }
}
