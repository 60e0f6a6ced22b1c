package io.cleave.tests.deploy;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cleave.tests.harness.Repository;
import io.cleave.train.config.TrainConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every training config in {@code cluster-conf/examples} passes the full config check and has a row in that
 * folder's README; the learning check's header writes the warm start the config starts from and evaluates the
 * checkpoint the config writes.
 */
class ExampleConfigsTest {

    private static final Path EXAMPLES = Repository.file("cluster-conf/examples");

    @Test
    void everyExampleLoadsAndIsListedInTheReadme() throws IOException {
        String readme = Files.readString(EXAMPLES.resolve("README.md"));
        List<Path> configs;
        try (Stream<Path> files = Files.list(EXAMPLES)) {
            configs = files.filter(f -> f.getFileName().toString().endsWith(".yaml")).sorted().toList();
        }
        assertFalse(configs.isEmpty());
        for (Path config : configs) {
            String name = config.getFileName().toString();
            TrainConfig.load(config, List.of());
            assertTrue(readme.contains("[`" + name + "`](" + name + ")"), name + " has no row in the README");
        }
    }

    @Test
    void theLearningCheckStartsFromTheWarmStartItsHeaderWrites() throws IOException {
        Path config = EXAMPLES.resolve("arith-learning.yaml");
        TrainConfig loaded = TrainConfig.load(config, List.of());
        String header = String.join(" ", Files.readAllLines(config).stream().takeWhile(l -> l.startsWith("#"))
                .map(l -> l.substring(1).trim()).toList());
        String warmStart = loaded.model().dir().orElseThrow().toString();
        assertTrue(header.contains("--out " + warmStart), header);
        assertTrue(header.contains("--model " + warmStart), header);
        assertTrue(header.contains("--option difficulty=" + loaded.task().options().get("difficulty")), header);
        assertTrue(header.contains("--difficulty " + loaded.task().options().get("difficulty")), header);
        assertTrue(header.contains(String.format("--model %s/checkpoints/step-%08d", loaded.run().dir(),
                loaded.run().iterations())), header);
    }
}
