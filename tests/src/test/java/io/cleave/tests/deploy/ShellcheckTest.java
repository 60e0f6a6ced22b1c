package io.cleave.tests.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cleave.tests.harness.ExternalCommand;
import io.cleave.tests.harness.Repository;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * shellcheck finds nothing in the repository's shell scripts: {@code cluster-conf/**}{@code /*.sh},
 * {@code docker/*.sh}, {@code scripts/*.sh}, {@code bench/*.sh}, the {@code cleave} launcher and {@code .ci/run}.
 */
class ShellcheckTest {

    /** The scripts, relative to the repository root, sorted. */
    static List<String> scripts() throws IOException {
        Path root = Repository.root();
        List<String> scripts = new ArrayList<>();
        try (Stream<Path> tree = Files.walk(root.resolve("cluster-conf"))) {
            tree.filter(p -> p.toString().endsWith(".sh")).forEach(p -> scripts.add(root.relativize(p).toString()));
        }
        for (String dir : List.of("docker", "scripts", "bench")) {
            try (Stream<Path> files = Files.list(root.resolve(dir))) {
                files.filter(p -> p.toString().endsWith(".sh")).forEach(p -> scripts.add(root.relativize(p).toString()));
            }
        }
        scripts.add("cleave");
        scripts.add(".ci/run");
        scripts.sort(null);
        return scripts;
    }

    @Test
    void theScriptListCoversEveryFolder() throws IOException {
        List<String> scripts = scripts();
        for (String expected : List.of("cleave", ".ci/run", "cluster-conf/submit.sh", "cluster-conf/app-jars.sh",
                "cluster-conf/gpu/discover-gpus.sh", "docker/demo.sh", "scripts/fetch-test-assets.sh")) {
            assertTrue(scripts.contains(expected), expected + " not in " + scripts);
        }
    }

    @Test
    void shellcheckFindsNothing() throws IOException {
        ExternalCommand.requireTool("shellcheck");
        List<String> command = new ArrayList<>(List.of("shellcheck", "--format=gcc"));
        command.addAll(scripts());
        ExternalCommand run = ExternalCommand.run(command, Map.of(), Duration.ofMinutes(2));
        assertEquals("", run.stdout() + run.stderr(), "shellcheck findings");
        assertEquals(0, run.exitCode());
    }
}
