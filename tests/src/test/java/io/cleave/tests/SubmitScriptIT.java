package io.cleave.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cleave.spark.home.SparkHome;
import io.cleave.tests.harness.ExternalCommand;
import io.cleave.tests.harness.Repository;
import io.cleave.tests.harness.SparkSubmit;
import io.cleave.tests.harness.StandaloneCluster;
import io.cleave.tests.harness.TestClasspath;
import io.cleave.train.checkpoint.CheckpointManifest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cluster-conf/submit.sh} for real: a standalone master and worker, a SPARK_HOME whose {@code jars/} holds
 * the test classpath's third-party jars and whose {@code bin/spark-submit} builds the driver's command with Spark's
 * launcher ({@code org.apache.spark.launcher.Main}, as Spark's own script does: properties file, driver memory and
 * JVM flags applied) and runs it, and
 * one training iteration of the tiny warm start submitted with the compose demo's properties file
 * ({@code docker/spark-demo.conf}, sized down with {@code --conf} to the 1-core worker). The jars submit.sh ships are
 * exactly the application's jars the SPARK_HOME lacks, and with them the executor runs the iteration.
 */
class SubmitScriptIT {

    @TempDir
    Path tmp;

    private static SparkHome sparkHomeWithSubmit(Path dir) throws IOException {
        SparkHome home = SparkHome.prepare(dir, TestClasspath.jars().thirdParty());
        Path submit = Files.createDirectories(dir.resolve("bin")).resolve("spark-submit");
        // The launcher prints a NUL, a newline, then the command's words each ending with a NUL.
        Files.writeString(submit, String.join("\n", "#!/usr/bin/env bash",
                "words=()",
                "while IFS= read -d '' -r word; do words+=(\"$word\"); done < <(java -cp \"$SPARK_HOME/jars/*\" "
                        + "org.apache.spark.launcher.Main org.apache.spark.deploy.SparkSubmit \"$@\")",
                "cmd=(\"${words[@]:1}\")",
                "cmd[0]=\"${cmd[0]#$'\\n'}\"",
                "exec \"${cmd[@]}\"", ""));
        Files.setPosixFilePermissions(submit, PosixFilePermissions.fromString("rwxr-xr-x"));
        return home;
    }

    @Test
    void submitShRunsATrainingIterationOnAStandaloneCluster() throws IOException {
        SparkHome home = sparkHomeWithSubmit(tmp.resolve("spark-home"));
        Path runDir = tmp.resolve("train");
        List<String> args = new ArrayList<>(List.of("bash", "cluster-conf/submit.sh",
                "--properties-file", "docker/spark-demo.conf", "--config", "cluster-conf/examples/arith-demo.yaml",
                "--conf", "spark.executor.cores=1", "--conf", "spark.executor.memory=512m",
                "--conf", "spark.driver.memory=1g",
                "--conf", "spark.ui.enabled=false", "--conf", "spark.sql.shuffle.partitions=2"));
        try (StandaloneCluster cluster = StandaloneCluster.start(home, tmp.resolve("cluster"), 1, 1024)) {
            args.addAll(List.of("--master", cluster.masterUrl(), "--"));
            for (String set : TinyWarmStart.settings(runDir, 1)) {
                args.add("--set");
                args.add(set.startsWith("model.dir=") ? "model.dir=" + TinyWarmStart.model().toAbsolutePath() : set);
            }
            List<String> dryRun = new ArrayList<>(args);
            dryRun.add(2, "--dry-run");
            ExternalCommand printed = ExternalCommand.run(dryRun, home.environment(), Duration.ofSeconds(30));
            assertEquals(0, printed.exitCode(), printed.stderr());
            List<String> words = List.of(printed.stdout().strip().split(" "));
            String jars = words.get(words.indexOf("--jars") + 1).replace("\\,", ",");
            List<String> names = new ArrayList<>();
            for (String jar : jars.split(",")) {
                names.add(Path.of(jar).getFileName().toString());
            }
            assertEquals(List.of("cleave-core-0.1.0-SNAPSHOT.jar"), names, "jars the SPARK_HOME lacks");

            ExternalCommand run = ExternalCommand.run(args, home.environment(), Duration.ofMinutes(3));
            assertEquals(0, run.exitCode(), run.stdout() + run.stderr());
            assertTrue(run.stdout().contains("done: iterations 1-1"), run.stdout());
            assertEquals(1, Files.readAllLines(runDir.resolve("metrics.jsonl")).size());
            assertEquals(Optional.empty(), CheckpointManifest.verify(runDir.resolve("checkpoints/step-00000001")),
                    "a complete checkpoint");
            assertTrue(cluster.workerLog().contains("Asked to launch executor"), cluster.workerLog());
        }
    }
}
