package io.cleave.tests.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.cleave.cli.CleaveCli;
import io.cleave.cli.SparkTrainMain;
import io.cleave.tests.harness.ExternalCommand;
import io.cleave.tests.harness.Repository;
import io.cleave.train.config.TrainConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

/**
 * {@code cluster-conf/airflow/cleave_training_dag.py} without Airflow: {@code check_dag.py} (python3, {@code ast})
 * lists the files, main class and {@code cleave train} arguments of its SparkSubmitOperator; this test checks the
 * files against the repository and the Docker image layout, parses the arguments with the picocli model of
 * {@code cleave train} (what {@link SparkTrainMain} runs), loads the config with the {@code --set} overrides through
 * {@link TrainConfig}, and checks that retries resume a per-run directory.
 */
class AirflowDagTest {

    private static final String DAG = "cluster-conf/airflow/cleave_training_dag.py";
    private static final String HOME = "<CLEAVE_HOME>/";

    @TempDir
    Path runs;

    private JsonObject report;
    private JsonObject train;

    @BeforeEach
    void inspectTheDag() {
        ExternalCommand.requireTool("python3");
        ExternalCommand run = ExternalCommand.run(List.of("python3", "cluster-conf/airflow/check_dag.py", DAG),
                Map.of(), Duration.ofSeconds(60));
        assertEquals(0, run.exitCode(), run.stderr());
        report = JsonParser.parseString(run.stdout()).getAsJsonObject();
        JsonArray operators = report.getAsJsonArray("operators");
        assertEquals(1, operators.size(), run.stdout());
        train = operators.get(0).getAsJsonObject();
    }

    private static List<String> strings(JsonArray array) {
        List<String> strings = new ArrayList<>();
        for (JsonElement e : array) {
            strings.add(e.getAsString());
        }
        return strings;
    }

    /** A path under CLEAVE_HOME as the repository path it comes from. */
    private static Path repositoryPath(String installed) {
        assertTrue(installed.startsWith(HOME), installed + " is not under CLEAVE_HOME");
        return Repository.file(installed.substring(HOME.length()));
    }

    @Test
    void everyInstalledFileComesFromTheRepositoryOrTheImage() throws IOException {
        List<String> files = strings(report.getAsJsonArray("installed_files"));
        assertTrue(files.contains("cluster-conf/spark-defaults.conf"), files.toString());
        String dockerfile = Files.readString(Repository.file("docker/Dockerfile"));
        for (String file : files) {
            if (file.startsWith("cluster-conf/")) {
                assertTrue(Files.isRegularFile(Repository.file(file)), file + " not in the repository");
            } else {
                assertTrue(dockerfile.contains(" /opt/cleave/" + file + "\n"), file + " is not a file of the image");
            }
        }
        assertTrue(Files.readString(Repository.file(DAG)).contains("os.environ.get(\"CLEAVE_HOME\", \"/opt/cleave\")"));
    }

    @Test
    void theOperatorSubmitsTheTrainingJobWithTheClusterDefaults() throws ReflectiveOperationException {
        assertEquals(SparkTrainMain.class.getName(), train.get("java_class").getAsString());
        Class.forName(train.get("java_class").getAsString()).getMethod("main", String[].class);
        assertEquals(HOME + "cleave.jar", train.get("application").getAsString());
        assertTrue(Files.isRegularFile(repositoryPath(train.get("properties_file").getAsString())));
    }

    @Test
    void theArgumentsAreOptionsOfCleaveTrainAndTheConfigLoadsWithTheOverrides() {
        List<String> args = new ArrayList<>(List.of("train"));
        args.addAll(strings(train.getAsJsonArray("application_args")));
        ParseResult parsed = new CommandLine(CleaveCli.class).parseArgs(args.toArray(String[]::new)).subcommand();
        assertEquals("train", parsed.commandSpec().name());
        assertTrue(parsed.unmatched().isEmpty(), "not options of cleave train: " + parsed.unmatched());

        Path config = repositoryPath(parsed.matchedOptionValue("--config", Path.of("")).toString());
        assertTrue(Files.isRegularFile(config), config + " not in the repository");
        List<String> sets = parsed.matchedOptionValue("--set", List.of());
        assertFalse(sets.isEmpty());
        List<String> rendered = new ArrayList<>();
        for (String set : sets) {
            rendered.add(set.replace("<CLEAVE_RUNS>", runs.toString()).replaceAll("\\{\\{[^}]*}}", "x"));
        }
        TrainConfig loaded = TrainConfig.load(config, rendered);
        assertEquals(runs.resolve("x/x"), loaded.run().dir(), "run.dir is CLEAVE_RUNS/<dag id>/<run id>");
        assertEquals(200, loaded.run().iterations());
    }

    @Test
    void aRetriedAttemptResumesTheDirectoryOfItsRun() {
        List<String> args = strings(train.getAsJsonArray("application_args"));
        assertTrue(args.contains("--resume"), args.toString());
        assertEquals("auto", args.get(args.indexOf("--resume") + 1));
        String runDir = args.stream().filter(a -> a.startsWith("run.dir=")).findFirst().orElseThrow();
        assertTrue(runDir.contains("{{ run_id"), "run.dir must be per DAG run: " + runDir);
        assertTrue(runDir.contains("{{ dag.dag_id }}"), runDir);
        assertTrue(train.get("retries").getAsInt() >= 1, "retries: " + train.get("retries"));
    }
}
