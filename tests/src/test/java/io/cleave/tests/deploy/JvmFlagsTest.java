package io.cleave.tests.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cleave.tests.harness.JvmFlags;
import io.cleave.tests.harness.Repository;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.MalformedInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.spark.launcher.JavaModuleOptions;
import org.junit.jupiter.api.Test;

/**
 * {@code cluster-conf/jvm-flags} is the one list of Cleave's JVM flags: the launcher, Maven's test JVMs, the image
 * build and {@code docker/demo.sh} read it as a java argument file, no other file of the repository spells one of
 * its flags except the two Spark properties files (checked against it by {@link SparkDefaultsTest}),
 * and this very JVM, started by Maven, runs with every flag of it.
 */
class JvmFlagsTest {

    /**
     * The files allowed to name the flags: the list, the Spark properties files (which cannot include it) and this
     * test.
     */
    private static final Set<String> ALLOWED = Set.of("cluster-conf/jvm-flags", "cluster-conf/spark-defaults.conf",
            "docker/spark-demo.conf", "tests/src/test/java/io/cleave/tests/deploy/JvmFlagsTest.java");
    private static final Set<String> SKIPPED_FOLDERS = Set.of(".git", "target", "work", "runs", "node_modules");

    @Test
    void theListHasSparksOpensAndDjlsSettings() {
        List<String> flags = JvmFlags.flags();
        assertTrue(flags.contains("--add-opens=java.base/sun.nio.ch=ALL-UNNAMED"), flags.toString());
        assertTrue(flags.contains("-Dai.djl.offline=true"), flags.toString());
        assertEquals(flags.size(), Set.copyOf(flags).size(), "no flag twice: " + flags);
        List<String> spark = List.of(JavaModuleOptions.defaultModuleOptionArray());
        List<String> notSparks = flags.stream().filter(f -> f.startsWith("--add-opens") && !spark.contains(f)).toList();
        assertEquals(List.of(), notSparks,
                "Spark gives its own JVMs (executors, daemons) its module options; Cleave's must be among them");
    }

    @Test
    void thisTestJvmRunsWithTheFlags() {
        List<String> arguments = ManagementFactory.getRuntimeMXBean().getInputArguments();
        List<String> missing = JvmFlags.flags().stream().filter(f -> !arguments.contains(f)).toList();
        assertEquals(List.of(), missing, "pom.xml's cleave.test.argLine reads " + JvmFlags.file());
    }

    @Test
    void launchersReadTheFile() throws IOException {
        assertContains("cleave", "@\"$root/cluster-conf/jvm-flags\"");
        assertContains("pom.xml", "@${project.basedir}/../cluster-conf/jvm-flags");
        assertContains("docker/demo.sh", "@\"$home/cluster-conf/jvm-flags\"");
        assertContains("docker/Dockerfile", "java @/opt/cleave/cluster-conf/jvm-flags ");
        assertContains("docker/Dockerfile", "COPY cluster-conf /opt/cleave/cluster-conf");
        assertContains("bench/src/main/java/io/cleave/bench/LocalClusterSetup.java",
                "resolve(\"cluster-conf\").resolve(\"jvm-flags\")");
    }

    @Test
    void noOtherFileSpellsTheFlags() throws IOException {
        Path root = Repository.root();
        List<String> flags = JvmFlags.flags();
        List<String> offenders = new ArrayList<>();
        try (Stream<Path> tree = Files.walk(root)) {
            for (Path file : tree.filter(p -> Files.isRegularFile(p) && !skipped(root, p)).toList()) {
                String relative = root.relativize(file).toString();
                if (ALLOWED.contains(relative)) {
                    continue;
                }
                String text = text(file);
                if (flags.stream().anyMatch(text::contains)) {
                    offenders.add(relative);
                }
            }
        }
        assertEquals(List.of(), offenders, "files that spell JVM flags instead of reading " + JvmFlags.file());
    }

    private static boolean skipped(Path root, Path file) {
        for (Path part : root.relativize(file)) {
            if (SKIPPED_FOLDERS.contains(part.toString())) {
                return true;
            }
        }
        return false;
    }

    private static String text(Path file) throws IOException {
        if (Files.size(file) > 1 << 20) {
            return "";
        }
        try {
            return Files.readString(file);
        } catch (MalformedInputException binary) {
            return "";
        }
    }

    private static void assertContains(String file, String expected) throws IOException {
        String text = Files.readString(Repository.file(file));
        assertTrue(text.contains(expected), file + " must read the flags with " + expected);
        assertTrue(JvmFlags.flags().stream().noneMatch(text::contains), file + " spells JVM flags itself");
    }
}
