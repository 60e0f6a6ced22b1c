package io.cleave.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.cleave.algo.advantage.AdvantageEstimators;
import io.cleave.algo.advantage.AdvantageInput;
import io.cleave.algo.advantage.AdvantagesJson;
import io.cleave.algo.advantage.AdvantagesRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** The integration tests' advantages JSON batches (test resources) and their expected advantages from core. */
final class Batches {

    /** Three groups: a tool call with a branch, a two-level branched search, and a group of one. */
    static final String BRANCHED = "batches/branched.json";

    private Batches() {}

    /** The resource's text. */
    static String text(String resource) {
        try (InputStream in = Batches.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Copies the resource to {@code file}. */
    static Path copy(String resource, Path file) throws IOException {
        Files.createDirectories(file.getParent());
        return Files.writeString(file, text(resource));
    }

    /** The parsed batch. */
    static AdvantagesRequest request(String resource) {
        return AdvantagesJson.parse(text(resource));
    }

    /**
     * Asserts that {@code actual} ("groupId/sampleIndex" to per-token advantages) holds core's result, bit for bit,
     * for every trajectory of the batch and nothing else.
     */
    static void assertCoreAdvantages(AdvantagesRequest request, String estimator, double klCoef,
                                     Map<String, float[]> actual) {
        AdvantageInput input = new AdvantageInput(request.input().groups(), request.input().oldLogp(),
                request.input().refLogp(), klCoef);
        float[][][] expected = AdvantageEstimators.get(estimator).estimate(input);
        int count = 0;
        for (int g = 0; g < expected.length; g++) {
            for (int i = 0; i < expected[g].length; i++) {
                String key = request.groupIds().get(g) + "/" + i;
                assertArrayEquals(expected[g][i], actual.get(key), estimator + " " + key);
                count++;
            }
        }
        assertEquals(count, actual.size(), "one result per trajectory");
    }
}
