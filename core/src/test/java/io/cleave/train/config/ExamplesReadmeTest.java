package io.cleave.train.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cleave.algo.recipe.Recipes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * {@code cluster-conf/examples}: the README's key table lists exactly the keys the code accepts with the defaults
 * it uses, and every example config loads.
 */
class ExamplesReadmeTest {

    private static final Pattern ROW = Pattern.compile("^\\| `([^`]+)` \\| (.+?) \\| (.+) \\|$");
    private static final String EMPTY = "*(empty)*";
    private static final String NONE = "*(none)*";

    private static Path examples() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("cluster-conf/examples");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("cluster-conf/examples not found above " + Path.of("").toAbsolutePath());
    }

    /** Key to documented default, in table order. */
    private static Map<String, String> documentedKeys() throws IOException {
        String readme = Files.readString(examples().resolve("README.md"));
        String table = readme.substring(readme.indexOf("<!-- keys:begin -->"), readme.indexOf("<!-- keys:end -->"));
        Map<String, String> rows = new LinkedHashMap<>();
        for (String line : table.lines().toList()) {
            Matcher m = ROW.matcher(line);
            if (m.matches()) {
                String shown = m.group(2);
                String value = shown.equals(EMPTY) || shown.equals(NONE) ? "" : shown.replaceAll("^`|`$", "");
                assertEquals(null, rows.put(m.group(1), value), "documented twice: " + m.group(1));
            }
        }
        return rows;
    }

    @Test
    void readmeDocumentsEveryKeyWithItsDefaultAndNothingElse() throws IOException {
        Map<String, String> documented = documentedKeys();
        List<String> expectedKeys = new ArrayList<>();
        TrainConfigKeys.SECTIONS.forEach(section -> expectedKeys.addAll(TrainConfigKeys.namesOf(section)));
        assertEquals(expectedKeys, List.copyOf(documented.keySet()));
        Map<String, String> defaults = TrainConfig.defaults().toMap();
        defaults.forEach((key, value) -> assertEquals(value, documented.get(key), "default of " + key));
        assertEquals("", documented.get("task.options.<name>"));
    }

    @Test
    void readmeNamesEveryRecipe() throws IOException {
        String readme = Files.readString(examples().resolve("README.md"));
        for (String recipe : Recipes.names()) {
            assertTrue(readme.contains("- `" + recipe + "`: "), recipe);
        }
    }

    @Test
    void arithGpgStartsGpgFromTheSftCheckpointOfTheSmallModel() {
        TrainConfig c = TrainConfig.load(examples().resolve("arith-gpg.yaml"), List.of());
        assertEquals("gpg", c.algorithm().recipe());
        assertEquals(Recipes.get("gpg").with(Map.of("segmenter.tools", "calc", "branch.initial-samples", "8",
                "branch.budget", "16")), c.algorithm().config());
        assertEquals(Optional.of(Path.of("runs/sft-arith")), c.model().dir());
        assertEquals("small", c.model().initPreset());
        assertEquals("arith", c.task().suite());
        assertEquals(Map.of("difficulty", "2", "testFraction", "0.2"), c.task().options());
        assertEquals(Path.of("runs/gpg-arith"), c.run().dir());
        assertEquals(200, c.run().iterations());
        assertEquals(1e-4, c.optim().adamw().learningRate());
        assertEquals(10, c.optim().warmupSteps());
        assertEquals("local[*]", c.spark().master());
        assertEquals("arith", c.task().newSuite().name(), "the suite accepts the options");
    }

    @Test
    void everyRecipeHasAnExampleAndGpgBranchHasOne() throws IOException {
        Map<String, List<String>> byRecipe = new LinkedHashMap<>();
        List<String> estimators = new ArrayList<>();
        for (Path config : exampleConfigs()) {
            TrainConfig loaded = TrainConfig.load(config, List.of());
            byRecipe.computeIfAbsent(loaded.algorithm().recipe(), r -> new ArrayList<>())
                    .add(config.getFileName().toString());
            estimators.add(loaded.toMap().get("algorithm.estimator"));
        }
        for (String recipe : Recipes.names()) {
            assertTrue(byRecipe.containsKey(recipe), "no example config for recipe " + recipe + ": " + byRecipe);
        }
        assertTrue(estimators.contains("gpg-branch"), "no example with algorithm.estimator gpg-branch");
    }

    @Test
    void readmeListsEveryExampleConfig() throws IOException {
        String readme = Files.readString(examples().resolve("README.md"));
        for (Path config : exampleConfigs()) {
            String name = config.getFileName().toString();
            assertTrue(readme.contains("| [`" + name + "`](" + name + ") |"), "README.md does not list " + name);
        }
    }

    private static List<Path> exampleConfigs() throws IOException {
        try (Stream<Path> files = Files.list(examples())) {
            return files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
        }
    }

    @Test
    void everyExampleConfigLoads() throws IOException {
        List<Path> configs = exampleConfigs();
        assertTrue(!configs.isEmpty());
        for (Path config : configs) {
            TrainConfig loaded = TrainConfig.load(config, List.of());
            loaded.task().newSuite();
        }
    }
}
