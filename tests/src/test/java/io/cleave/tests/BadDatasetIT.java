package io.cleave.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.cleave.spark.train.SparkTrainer;
import io.cleave.spark.train.TrainSummary;
import io.cleave.train.config.TrainConfig;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Spark training run (fresh {@code tiny} model, one iteration) over a {@code jsonl} data file holding every kind
 * of bad row next to good ones: the bad rows are counted and written to {@code rejects/<file>.rejects.jsonl} with
 * file, line, reason and the raw line (base64 when it is not UTF-8), {@code dataset.json} and the console give the
 * counts, and every trajectory the run trained on comes from a good row.
 */
class BadDatasetIT {

    /** The tiny preset's 512 positions minus these 32 generated tokens: longer prompts do not fit. */
    private static final int MAX_NEW_TOKENS = 32;

    @TempDir
    Path tmp;

    @Test
    void badRowsAreRejectedWithTheirReasonsAndTheGoodRowsTrain() throws Exception {
        Map<String, String> good = new LinkedHashMap<>();
        good.put("g1", "What is 2+3?");
        good.put("g2", "What is 7*6?");
        good.put("g3", "What is 9-4?");
        good.put("g4", "What is 8/2?");
        good.put("g5", "What is 1+1?");
        good.put("17", "What is 4+4?");
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        Map<Integer, String> expectedReasons = new LinkedHashMap<>();
        int line = 0;
        for (Map.Entry<String, String> row : good.entrySet()) {
            line++;
            String id = row.getKey().equals("17") ? "17" : "\"" + row.getKey() + "\"";
            String answer = row.getKey().equals("17") ? "8" : "\"x\"";
            write(file, "{\"id\":" + id + ",\"prompt\":\"" + row.getValue() + "\",\"answer\":" + answer + "}");
        }
        String[][] bad = {
            {"", null},
            {"{broken", "not valid JSON (near column 3)"},
            {"[1,2]", "not a JSON object"},
            {"{\"id\":\"b1\",\"prompt\":\"What?\"}", "field 'answer' is missing"},
            {"{\"id\":\"b2\",\"prompt\":\"What?\",\"answer\":{\"value\":1}}",
                "field 'answer' must be a string or a number, got an object"},
            {"{\"id\":true,\"prompt\":\"What?\",\"answer\":\"1\"}",
                "field 'id' must be a string or an integer, got a boolean true"},
            {"{\"id\":1.5,\"prompt\":\"What?\",\"answer\":\"1\"}",
                "field 'id' must be a string or an integer, got the number 1.5"},
            {"{\"id\":\"b3\",\"prompt\":42,\"answer\":\"1\"}", "field 'prompt' must be a string, got the number 42"},
            {"{\"id\":\"b4\",\"prompt\":null,\"answer\":\"1\"}", "field 'prompt' must be a string, got null"},
            {"{\"id\":\"b5\",\"prompt\":[\"a\"],\"answer\":\"1\"}", "field 'prompt' must be a string, got an array"},
            {"{\"id\":\"b6\",\"prompt\":\"   \",\"answer\":\"1\"}", "field 'prompt' is blank"},
            {"{\"id\":\"g1\",\"prompt\":\"again\",\"answer\":\"1\"}", "duplicate id 'g1'"},
            {"{\"id\":\"17\",\"prompt\":\"again\",\"answer\":\"1\"}", "duplicate id '17'"},
            {"{\"id\":\"b7\",\"prompt\":\"p\",\"answer\":\"1\",\"difficulty\":0}",
                "field 'difficulty' must be at least 1, got 0"},
            {"{\"id\":\"b8\",\"prompt\":\"" + "long ".repeat(100) + "\",\"answer\":\"1\"}",
                "prompt is 503 tokens, longer than the 480 that fit (max_position_embeddings 512 minus "
                        + "rollout.max-new-tokens 32)"},
        };
        for (String[] row : bad) {
            line++;
            write(file, row[0]);
            if (row[1] != null) {
                expectedReasons.put(line, row[1]);
            }
        }
        line++;
        byte[] latin1 = "{\"id\":\"b9\",\"prompt\":\"caf\u00e9?\",\"answer\":\"1\"}"
                .getBytes(StandardCharsets.ISO_8859_1);
        file.write(latin1);
        file.write('\n');
        expectedReasons.put(line, "not valid UTF-8");
        Path data = tmp.resolve("tasks.jsonl");
        Files.write(data, file.toByteArray());

        Path runDir = tmp.resolve("run");
        TrainConfig config = TrainConfig.fromSets(List.of("run.dir=" + runDir, "run.iterations=1", "run.seed=5",
                "model.init-preset=tiny", "task.suite=jsonl", "task.options.path=" + data,
                "task.options.testFraction=0.01", "task.prompts-per-iteration=4", "task.eval-every=0",
                "rollout.max-new-tokens=" + MAX_NEW_TOKENS, "algorithm.recipe=grpo",
                "algorithm.branch.initial-samples=2", "algorithm.branch.budget=2", "spark.master=local[2]"));
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        TrainSummary summary = SparkTrainer.run(config, null, false, new PrintStream(console, true,
                StandardCharsets.UTF_8));
        assertEquals(1, summary.lastIteration());

        Path rejects = runDir.resolve("rejects/tasks.jsonl.rejects.jsonl");
        List<String> rejectLines = Files.readAllLines(rejects, StandardCharsets.UTF_8);
        assertEquals(expectedReasons.size(), rejectLines.size(), String.join("\n", rejectLines));
        byte[][] rawLines = splitLines(file.toByteArray());
        int i = 0;
        for (Map.Entry<Integer, String> expected : expectedReasons.entrySet()) {
            JsonObject reject = JsonParser.parseString(rejectLines.get(i++)).getAsJsonObject();
            assertEquals(data.toString(), reject.get("file").getAsString());
            assertEquals(expected.getKey(), reject.get("line").getAsInt());
            assertEquals(expected.getValue(), reject.get("reason").getAsString());
            byte[] raw = rawLines[expected.getKey() - 1];
            if (reject.has("raw_base64")) {
                assertEquals(Base64.getEncoder().encodeToString(raw), reject.get("raw_base64").getAsString());
                assertEquals("not valid UTF-8", expected.getValue());
            } else {
                assertEquals(new String(raw, StandardCharsets.UTF_8), reject.get("raw").getAsString());
            }
        }

        JsonObject counts = JsonParser.parseString(Files.readString(runDir.resolve("dataset.json")))
                .getAsJsonObject();
        assertEquals(good.size(), counts.get("accepted").getAsInt());
        assertEquals(expectedReasons.size(), counts.get("rejected").getAsInt());
        assertTrue(console.toString(StandardCharsets.UTF_8).contains("dataset tasks.jsonl: " + good.size()
                + " rows accepted, " + expectedReasons.size() + " rejected"), console.toString(StandardCharsets.UTF_8));

        Set<String> trained = new TreeSet<>();
        try (SparkSession spark = SparkSession.builder().master("local[1]").config("spark.ui.enabled", "false")
                .getOrCreate()) {
            for (Row r : spark.read().parquet(runDir.resolve("trajectories").toString()).select("promptId")
                    .collectAsList()) {
                trained.add(r.getString(0).substring(0, r.getString(0).indexOf('@')));
            }
        }
        assertFalse(trained.isEmpty(), "the run trained on some rows");
        Set<String> goodTaskIds = new TreeSet<>();
        good.keySet().forEach(id -> goodTaskIds.add("jsonl-" + id));
        assertTrue(goodTaskIds.containsAll(trained), "trained only on good rows: " + trained);
    }

    private static void write(ByteArrayOutputStream out, String line) {
        out.writeBytes((line + "\n").getBytes(StandardCharsets.UTF_8));
    }

    private static byte[][] splitLines(byte[] bytes) {
        List<byte[]> lines = new ArrayList<>();
        int start = 0;
        for (int k = 0; k < bytes.length; k++) {
            if (bytes[k] == '\n') {
                lines.add(Arrays.copyOfRange(bytes, start, k));
                start = k + 1;
            }
        }
        return lines.toArray(new byte[0][]);
    }
}
