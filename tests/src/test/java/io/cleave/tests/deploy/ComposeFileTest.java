package io.cleave.tests.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cleave.tests.harness.Repository;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * {@code docker/compose.yaml}: a standalone master, two workers pointing at it and the demo service, all on the
 * image docker/Dockerfile builds, sharing the runs volume; every file they name exists, and the demo script
 * submits to the master with the files it names.
 */
class ComposeFileTest {

    private static final String MASTER_URL = "spark://spark-master:7077";
    private static final String RUNS_MOUNT = "runs:/opt/cleave/runs";

    @SuppressWarnings("unchecked")
    private static Map<String, Object> compose() throws IOException {
        return new Yaml().load(Files.readString(Repository.file("docker/compose.yaml")));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> service(Map<String, Object> compose, String name) {
        Map<String, Object> services = (Map<String, Object>) compose.get("services");
        return (Map<String, Object>) services.get(name);
    }

    @Test
    @SuppressWarnings("unchecked")
    void servicesImagesAndVolumes() throws IOException {
        Map<String, Object> compose = compose();
        Map<String, Object> services = (Map<String, Object>) compose.get("services");
        assertEquals(List.of("spark-master", "spark-worker-1", "spark-worker-2", "demo"),
                List.copyOf(services.keySet()));
        for (String name : services.keySet()) {
            Map<String, Object> s = service(compose, name);
            assertEquals("cleave:cpu", s.get("image"), name);
            assertEquals(List.of(RUNS_MOUNT), s.get("volumes"), name);
            assertEquals(name, s.get("hostname"), name);
        }
        assertTrue(((Map<String, Object>) compose.get("volumes")).containsKey("runs"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void theImageIsBuiltFromTheRepositoryWithTheCpuDockerfile() throws IOException {
        Map<String, Object> build = (Map<String, Object>) service(compose(), "spark-master").get("build");
        Path context = Repository.file("docker").resolve((String) build.get("context")).normalize();
        assertEquals(Repository.root(), context);
        assertTrue(Files.isRegularFile(context.resolve((String) build.get("dockerfile"))));
        assertEquals("docker/Dockerfile", build.get("dockerfile"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void workersJoinTheMasterAndTheDemoSubmitsToIt() throws IOException {
        Map<String, Object> compose = compose();
        List<String> master = (List<String>) service(compose, "spark-master").get("command");
        assertEquals("org.apache.spark.deploy.master.Master", master.get(1));
        assertEquals("spark://" + master.get(master.indexOf("--host") + 1) + ":" + master.get(master.indexOf("--port")
                + 1), MASTER_URL);
        for (String worker : List.of("spark-worker-1", "spark-worker-2")) {
            List<String> command = (List<String>) service(compose, worker).get("command");
            assertEquals("org.apache.spark.deploy.worker.Worker", command.get(1));
            assertEquals(MASTER_URL, command.get(command.size() - 1));
            assertEquals(List.of("spark-master"), service(compose, worker).get("depends_on"));
        }
        Map<String, Object> demo = service(compose, "demo");
        assertEquals(Map.of("SPARK_MASTER_URL", MASTER_URL), demo.get("environment"));
        assertEquals(List.of("spark-worker-1", "spark-worker-2"), demo.get("depends_on"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyFileTheServicesRunExistsAndIsInTheImage() throws IOException {
        List<String> command = (List<String>) service(compose(), "demo").get("command");
        assertEquals(List.of("/opt/cleave/docker/demo.sh"), command);
        Path script = Repository.file("docker/demo.sh");
        assertTrue(Files.isExecutable(script), "docker/demo.sh must be executable");
        String dockerfile = Files.readString(Repository.file("docker/Dockerfile"));
        assertTrue(dockerfile.contains("COPY docker/demo.sh docker/spark-demo.conf /opt/cleave/docker/"));
        assertTrue(dockerfile.contains("COPY cluster-conf /opt/cleave/cluster-conf"));
        String demo = Files.readString(script);
        for (String file : List.of("docker/spark-demo.conf", "cluster-conf/examples/arith-demo.yaml")) {
            assertTrue(demo.contains(file), "demo.sh does not name " + file);
            assertTrue(Files.isRegularFile(Repository.file(file)), file);
        }
        assertTrue(demo.contains("--class io.cleave.cli.SparkTrainMain"));
        assertTrue(demo.contains("--resume auto"));
    }
}
