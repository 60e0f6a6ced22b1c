package io.cleave.spark.job;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.cleave.algo.advantage.AdvantageEstimators;
import io.cleave.algo.advantage.AdvantagesJson;
import io.cleave.algo.advantage.AdvantagesRequest;
import io.cleave.spark.testing.TestSpark;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The advantages job's output against core, and its one-line errors for bad input. */
class AdvantagesJobTest {

    private static final String BATCH = """
            {"segmenter": "token", "groups": [
              {"id": "q1", "samples": [
                {"tokens": [1, 2, 3], "reward": 1},
                {"tokens": [1, 2, 4, 5], "parent": 0, "branch_pos": 2, "reward": 0},
                {"tokens": [6], "reward": 0.5}]},
              {"id": "q2", "samples": [{"tokens": [7, 8], "policy": [1, 0], "reward": 2},
                                       {"tokens": [9], "reward": 0}]}]}
            """;

    @TempDir
    Path tmp;

    private record Result(int code, String err) {}

    private static Result run(String... args) {
        StringWriter err = new StringWriter();
        int code = AdvantagesJob.run(new PrintWriter(err), args);
        return new Result(code, err.toString());
    }

    private static void assertOneErrorLine(Result result, String... parts) {
        assertEquals(AdvantagesJob.USER_ERROR, result.code, result.err);
        List<String> lines = result.err.lines().toList();
        assertEquals(1, lines.size(), result.err);
        assertTrue(lines.get(0).startsWith("error: "), result.err);
        for (String part : parts) {
            assertTrue(lines.get(0).contains(part), result.err);
        }
    }

    @Test
    void missingInputFileIsOneLineNamingIt() {
        Path missing = tmp.resolve("nope.json");
        assertOneErrorLine(run(missing.toString(), tmp.resolve("out").toString()),
                missing + ": input file does not exist");
    }

    @Test
    void malformedJsonIsOneLineNamingTheFile() throws IOException {
        Path bad = Files.writeString(tmp.resolve("bad.json"), "{\"groups\": [{\"samples\": [\n");
        assertOneErrorLine(run(bad.toString(), tmp.resolve("out").toString()),
                bad + ": advantages JSON is malformed");
        Path unknown = Files.writeString(tmp.resolve("unknown.json"), "{\"groups\": [], \"colour\": 1}");
        assertOneErrorLine(run(unknown.toString(), tmp.resolve("out").toString()),
                unknown + ": top level: unknown field 'colour'");
    }

    @Test
    void unknownEstimatorAndExistingOutputAreRefusedKeepingTheOutput() throws IOException {
        Path input = Files.writeString(tmp.resolve("batch.json"), BATCH);
        assertOneErrorLine(run("--estimator", "ppo", input.toString(), tmp.resolve("out").toString()),
                "unknown advantage estimator 'ppo'", "gpg-prefix");
        Path out = Files.createDirectories(tmp.resolve("existing"));
        Path kept = Files.writeString(out.resolve("keep.txt"), "x");
        assertOneErrorLine(run(input.toString(), out.toString()), out + ": output directory already exists");
        assertEquals("x", Files.readString(kept));
    }

    @Test
    void writesCoreEqualAdvantagesAsJsonLines() throws IOException {
        AdvantagesRequest request = AdvantagesJson.parse(BATCH);
        Path out = tmp.resolve("out");
        assertEquals(5, AdvantagesJob.write(TestSpark.session(), request, "gpg-prefix", out));
        float[][][] expected = AdvantageEstimators.get("gpg-prefix").estimate(request.input());
        List<String> lines = readPartFile(out);
        assertEquals(5, lines.size());
        int[][] keys = {{0, 0}, {0, 1}, {0, 2}, {1, 0}, {1, 1}};
        for (int k = 0; k < keys.length; k++) {
            JsonObject line = JsonParser.parseString(lines.get(k)).getAsJsonObject();
            assertEquals(request.groupIds().get(keys[k][0]), line.get("promptId").getAsString());
            assertEquals(keys[k][1], line.get("sampleIndex").getAsInt());
            JsonArray values = line.getAsJsonArray("advantages");
            float[] actual = new float[values.size()];
            for (int t = 0; t < actual.length; t++) {
                actual[t] = values.get(t).getAsFloat();
            }
            assertArrayEquals(expected[keys[k][0]][keys[k][1]], actual, lines.get(k));
        }
    }

    /** The lines of the single part file the job writes. */
    static List<String> readPartFile(Path out) throws IOException {
        try (Stream<Path> files = Files.list(out)) {
            List<Path> parts = files.filter(p -> p.getFileName().toString().startsWith("part-")).toList();
            assertEquals(1, parts.size(), parts.toString());
            return Files.readAllLines(parts.get(0));
        }
    }
}
