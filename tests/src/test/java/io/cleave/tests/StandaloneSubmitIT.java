package io.cleave.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.cleave.spark.home.SparkHome;
import io.cleave.tests.harness.ApplicationJars;
import io.cleave.tests.harness.SparkSubmit;
import io.cleave.tests.harness.StandaloneCluster;
import io.cleave.tests.harness.TestClasspath;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A standalone master and worker in their own JVMs, and {@code spark-submit} of the spark-jobs application jar
 * running {@code io.cleave.spark.job.AdvantagesJob}: its output equals core's gpg-prefix advantages, the worker
 * launched an executor for it, and a missing input file fails with one line naming the file.
 */
class StandaloneSubmitIT {

    private static final String JOB = "io.cleave.spark.job.AdvantagesJob";
    private static final Duration TIMEOUT = Duration.ofMinutes(2);

    @TempDir
    Path tmp;

    @Test
    void submittedAdvantagesJobMatchesCoreAndBadInputIsOneLine() throws IOException {
        SparkHome home = TestClasspath.sparkHome();
        Path input = Batches.copy(Batches.BRANCHED, tmp.resolve("batch.json"));
        Path output = tmp.resolve("advantages");
        try (StandaloneCluster cluster = StandaloneCluster.start(home, tmp.resolve("cluster"), 1, 1024)) {
            SparkSubmit.Result ok = SparkSubmit.run(home, tmp.resolve("submit.log"), cluster.masterUrl(), JOB,
                    ApplicationJars.sparkJobsJar(), ApplicationJars.sparkJobsDependencies(), Map.of(),
                    List.of("--estimator", "gpg-prefix", input.toString(), output.toString()), TIMEOUT);
            assertEquals(0, ok.exitCode(), ok.output());
            Batches.assertCoreAdvantages(Batches.request(Batches.BRANCHED), "gpg-prefix", 0, read(output));
            assertTrue(cluster.workerLog().contains("Asked to launch executor"), cluster.workerLog());

            Path missing = tmp.resolve("missing.json");
            SparkSubmit.Result bad = SparkSubmit.run(home, tmp.resolve("submit-bad.log"), cluster.masterUrl(), JOB,
                    ApplicationJars.sparkJobsJar(), ApplicationJars.sparkJobsDependencies(), Map.of(),
                    List.of(missing.toString(), tmp.resolve("never").toString()), TIMEOUT);
            assertEquals(2, bad.exitCode(), bad.output());
            List<String> errors = bad.output().lines().filter(l -> l.startsWith("error: ")).toList();
            assertEquals(List.of("error: " + missing + ": input file does not exist"), errors, bad.output());
            assertTrue(Files.notExists(tmp.resolve("never")));
        }
    }

    @Test
    void submittedTrainingJobRunsAnIterationOnTheCluster() throws IOException {
        SparkHome home = TestClasspath.sparkHome();
        Path runDir = tmp.resolve("train");
        List<String> args = new ArrayList<>();
        for (String set : TinyWarmStart.settings(runDir, 1)) {
            args.add("--set");
            args.add(set);
        }
        try (StandaloneCluster cluster = StandaloneCluster.start(home, tmp.resolve("cluster"), 1, 1024)) {
            SparkSubmit.Result ok = SparkSubmit.run(home, tmp.resolve("submit-train.log"), cluster.masterUrl(),
                    "io.cleave.cli.SparkTrainMain", ApplicationJars.sparkJobsJar(),
                    ApplicationJars.sparkJobsDependencies(), Map.of(), args, TIMEOUT);
            assertEquals(0, ok.exitCode(), ok.output());
            List<String> metrics = Files.readAllLines(runDir.resolve("metrics.jsonl"));
            assertEquals(1, metrics.size());
            JsonObject row = JsonParser.parseString(metrics.get(0)).getAsJsonObject();
            assertEquals(16, row.get("trajectories").getAsInt(), metrics.get(0));
            assertTrue(Files.exists(runDir.resolve("checkpoints/step-00000001/MANIFEST.json")));
            assertTrue(cluster.workerLog().contains("Asked to launch executor"), cluster.workerLog());
        }
    }

    /** The job's JSON lines as "promptId/sampleIndex" to advantages. */
    private static Map<String, float[]> read(Path output) throws IOException {
        Map<String, float[]> out = new HashMap<>();
        try (Stream<Path> files = Files.list(output)) {
            for (Path part : files.filter(p -> p.getFileName().toString().startsWith("part-")).toList()) {
                for (String line : Files.readAllLines(part)) {
                    JsonObject o = JsonParser.parseString(line).getAsJsonObject();
                    JsonArray values = o.getAsJsonArray("advantages");
                    float[] a = new float[values.size()];
                    for (int t = 0; t < a.length; t++) {
                        a[t] = values.get(t).getAsFloat();
                    }
                    out.put(o.get("promptId").getAsString() + "/" + o.get("sampleIndex").getAsInt(), a);
                }
            }
        }
        return out;
    }
}
