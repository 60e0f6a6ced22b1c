package io.cleave.tests.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cleave.tests.harness.ExternalCommand;
import io.cleave.tests.harness.Repository;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cluster-conf/submit.sh} for YARN, Kubernetes and standalone masters: the spark-submit command it prints
 * with {@code --dry-run}, the one it runs (a fake {@code $SPARK_HOME/bin/spark-submit} that prints its arguments),
 * and its errors. The fake SPARK_HOME's {@code jars/} holds jackson-core and gson (gson at another version than
 * spark-jobs/target/lib's), which submit.sh must leave out of {@code --jars} along with every {@code spark-*} jar.
 * Needs {@code spark-jobs/target/cleave.jar} and {@code lib/} (packaged before the tests module runs).
 */
class SubmitScriptTest {

    private static final String CONFIG = "cluster-conf/examples/arith-gpg.yaml";

    @TempDir
    Path sparkHome;

    @BeforeEach
    void fakeSparkHome() throws IOException {
        Path jars = Files.createDirectories(sparkHome.resolve("jars"));
        Files.createFile(jars.resolve("jackson-core-2.18.2.jar"));
        Files.createFile(jars.resolve("gson-2.10.1.jar"));
        Path submit = Files.createDirectories(sparkHome.resolve("bin")).resolve("spark-submit");
        Files.writeString(submit, "#!/bin/sh\nfor a in \"$@\"; do printf '%s\\n' \"$a\"; done\n");
        Files.setPosixFilePermissions(submit, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private ExternalCommand submit(String... args) {
        List<String> command = new ArrayList<>(List.of("bash", "cluster-conf/submit.sh"));
        command.addAll(Arrays.asList(args));
        return ExternalCommand.run(command, Map.of("SPARK_HOME", sparkHome.toString()), Duration.ofSeconds(60));
    }

    /** The words of a command printed with bash's {@code printf %q} (no spaces inside words here). */
    private static List<String> words(String printed) {
        List<String> words = new ArrayList<>();
        for (String word : printed.strip().split(" ")) {
            words.add(word.replaceAll("\\\\(.)", "$1"));
        }
        return words;
    }

    private List<String> dryRun(String... args) {
        List<String> all = new ArrayList<>(List.of("--dry-run"));
        all.addAll(Arrays.asList(args));
        ExternalCommand run = submit(all.toArray(String[]::new));
        assertEquals(0, run.exitCode(), run.stderr());
        List<String> words = words(run.stdout());
        assertEquals(sparkHome.resolve("bin/spark-submit").toString(), words.get(0));
        return words.subList(1, words.size());
    }

    private static String valueOf(List<String> args, String option) {
        int i = args.indexOf(option);
        assertTrue(i >= 0 && i + 1 < args.size(), option + " missing in " + args);
        return args.get(i + 1);
    }

    private static void assertApplicationJars(List<String> jars, String prefix) {
        assertFalse(jars.isEmpty());
        for (String jar : jars) {
            assertTrue(jar.startsWith(prefix), jar);
            String name = jar.substring(jar.lastIndexOf('/') + 1);
            assertFalse(name.startsWith("spark-"), "Spark's own jar in --jars: " + name);
            assertFalse(name.startsWith("jackson-core-") || name.startsWith("gson-"), "provided by Spark: " + name);
            assertTrue(Files.isRegularFile(Repository.file("spark-jobs/target/lib").resolve(name)), name);
        }
        for (String needed : List.of("cleave-core-", "pytorch-engine-", "pytorch-jni-", "pytorch-native-cpu-",
                "picocli-", "lucene-core-", "tokenizers-", "snakeyaml-")) {
            assertTrue(jars.stream().anyMatch(j -> j.substring(j.lastIndexOf('/') + 1).startsWith(needed)),
                    needed + " missing from --jars");
        }
    }

    private static List<String> expectedHead(String master, String deployMode) {
        return List.of("--master", master, "--deploy-mode", deployMode, "--name", "cleave-train",
                "--class", "io.cleave.cli.SparkTrainMain",
                "--properties-file", Repository.file("cluster-conf/spark-defaults.conf").toString());
    }

    @Test
    void yarnClientShipsTheJarsAndTheConfig() {
        List<String> args = dryRun("--master", "yarn", "--config", CONFIG, "--", "--resume", "auto");
        assertEquals(expectedHead("yarn", "client"), args.subList(0, 10));
        assertApplicationJars(List.of(valueOf(args, "--jars").split(",")), Repository.file("spark-jobs/target/lib")
                + "/");
        assertEquals(List.of("--files", CONFIG, Repository.file("spark-jobs/target/cleave.jar").toString(),
                "--config", CONFIG, "--resume", "auto"), args.subList(12, args.size()));
    }

    @Test
    void yarnClusterModeReadsTheConfigYarnLocalizedForTheDriver() {
        List<String> args = dryRun("--master", "yarn", "--deploy-mode", "cluster", "--config", CONFIG);
        assertEquals(expectedHead("yarn", "cluster"), args.subList(0, 10));
        assertEquals(CONFIG, valueOf(args, "--files"));
        assertEquals(List.of(Repository.file("spark-jobs/target/cleave.jar").toString(), "--config", "arith-gpg.yaml"),
                args.subList(args.size() - 3, args.size()));
    }

    @Test
    void kubernetesUsesTheImageAndItsLocalJars() {
        List<String> args = dryRun("--master", "k8s://https://k8s.example:6443", "--deploy-mode", "cluster",
                "--image", "registry.example/cleave:cu128", "--config", CONFIG, "--", "--set", "run.dir=/runs/a");
        assertEquals(expectedHead("k8s://https://k8s.example:6443", "cluster"), args.subList(0, 10));
        assertEquals(List.of("--conf", "spark.kubernetes.container.image=registry.example/cleave:cu128", "--jars"),
                args.subList(10, 13));
        assertApplicationJars(List.of(args.get(13).split(",")), "local:///opt/cleave/lib/");
        assertEquals(List.of("local:///opt/cleave/cleave.jar", "--config", CONFIG, "--set", "run.dir=/runs/a"),
                args.subList(14, args.size()));
        assertFalse(args.contains("--files"));
    }

    @Test
    void standalonePassesExtraConfBeforeTheApplicationJar() {
        List<String> args = dryRun("--master", "spark://master.example:7077", "--config", CONFIG,
                "--conf", "spark.executor.instances=2", "--conf", "spark.cores.max=8");
        assertEquals(expectedHead("spark://master.example:7077", "client"), args.subList(0, 10));
        assertEquals(List.of("--files", CONFIG, "--conf", "spark.executor.instances=2", "--conf", "spark.cores.max=8",
                Repository.file("spark-jobs/target/cleave.jar").toString(), "--config", CONFIG),
                args.subList(12, args.size()));
    }

    @Test
    void withoutDryRunItRunsSparkSubmitWithTheSameArguments() {
        List<String> printed = dryRun("--master", "spark://m:7077", "--config", CONFIG, "--", "--resume", "auto");
        ExternalCommand run = submit("--master", "spark://m:7077", "--config", CONFIG, "--", "--resume", "auto");
        assertEquals(0, run.exitCode(), run.stderr());
        assertEquals(printed, run.stdout().lines().toList());
    }

    @Test
    void errorsNameWhatIsWrong() {
        ExternalCommand noImage = submit("--master", "k8s://https://h:6443", "--config", CONFIG, "--dry-run");
        assertEquals(2, noImage.exitCode());
        assertTrue(noImage.stderr().contains("Kubernetes needs the Cleave image"), noImage.stderr());
        ExternalCommand badMaster = submit("--master", "local[2]", "--config", CONFIG, "--dry-run");
        assertEquals(2, badMaster.exitCode());
        assertTrue(badMaster.stderr().contains("--master must be yarn, k8s://... or spark://..., got 'local[2]'"),
                badMaster.stderr());
        ExternalCommand noConfig = submit("--master", "yarn", "--dry-run");
        assertEquals(2, noConfig.exitCode());
        assertTrue(noConfig.stderr().contains("--config is required"), noConfig.stderr());
        ExternalCommand missingConfig = submit("--master", "yarn", "--config", "nope.yaml", "--dry-run");
        assertEquals(2, missingConfig.exitCode());
        assertTrue(missingConfig.stderr().contains("config nope.yaml not found"), missingConfig.stderr());
        ExternalCommand badMode = submit("--master", "yarn", "--config", CONFIG, "--deploy-mode", "local");
        assertEquals(2, badMode.exitCode());
        assertTrue(badMode.stderr().contains("--deploy-mode must be client or cluster"), badMode.stderr());
    }
}
