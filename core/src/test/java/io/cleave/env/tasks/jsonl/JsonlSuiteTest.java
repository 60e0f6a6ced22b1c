package io.cleave.env.tasks.jsonl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cleave.env.io.RowError;
import io.cleave.env.reward.AnswerMetric;
import io.cleave.env.tasks.DatasetSummary;
import io.cleave.env.tasks.PromptLimit;
import io.cleave.env.tasks.Split;
import io.cleave.env.tasks.Task;
import io.cleave.env.tasks.TaskSuite;
import io.cleave.env.tasks.registry.TaskSuiteRegistry;
import io.cleave.env.tools.ToolException;
import io.cleave.env.tools.search.CorpusDocument;
import io.cleave.env.tools.search.CorpusReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonlSuiteTest {

    @Test
    void malformedRowsAreReportedAndSkipped(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("tasks.jsonl");
        Files.writeString(file, String.join("\n",
                "{\"id\":\"q1\",\"prompt\":\"What is 6*7?\",\"answer\":\"42\"}",
                "{\"id\":\"q2\",\"prompt\":\"Capital of France?\"}",
                "{\"id\":\"q3\",\"prompt\":\"  \",\"answer\":\"x\"}",
                "{\"id\":\"q1\",\"prompt\":\"again\",\"answer\":\"1\"}",
                "{\"id\":\"q4\",\"prompt\":\"p\",\"answer\":\"a\",\"difficulty\":0}",
                "{\"id\":\"q5\",\"prompt\":\"p\",\"answer\":\"a\",\"difficulty\":\"hard\"}",
                "{broken",
                "{\"id\":\"q6\",\"prompt\":\"Half of 7?\",\"answer\":3.5}"));
        JsonlSuite suite = new JsonlSuite(JsonlConfig.defaults(file));
        assertEquals(List.of(
                file + ":2: field 'answer' is missing",
                file + ":3: field 'prompt' is blank",
                file + ":4: duplicate id 'q1'",
                file + ":5: field 'difficulty' must be at least 1, got 0",
                file + ":6: field 'difficulty' must be an integer, got \"hard\"",
                file + ":7: not valid JSON (near column 3)"),
                suite.errors().stream().map(RowError::toString).toList());
        List<Task> tasks = all(suite);
        assertEquals(List.of("jsonl-q1", "jsonl-q6"), tasks.stream().map(Task::id).sorted().toList());
        Task q6 = tasks.stream().filter(t -> t.id().equals("jsonl-q6")).findFirst().orElseThrow();
        assertEquals("Q: Half of 7?\n", q6.prompt());
        assertEquals("3.5", q6.gold());
        assertEquals(List.of("calc"), q6.tools());
        assertEquals("arpo", q6.rewardName());
        assertEquals(AnswerMetric.EXACT, q6.metric());
        assertEquals("3.5", q6.plan().answerTemplate());
        assertEquals(List.of(), q6.plan().steps());
    }

    @Test
    void noUsableRowIsAClearError(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("bad.jsonl");
        Files.writeString(file, "{\"id\":\"a\"}\n[]\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new JsonlSuite(JsonlConfig.defaults(file)));
        assertEquals("no usable task rows in " + file + ": all 2 line(s) rejected, the first at line 1: field "
                + "'prompt' is missing", e.getMessage());
        Path missing = dir.resolve("none.jsonl");
        IllegalArgumentException m = assertThrows(IllegalArgumentException.class,
                () -> new JsonlSuite(JsonlConfig.defaults(missing)));
        assertEquals("file not found: " + missing.toAbsolutePath(), m.getMessage());
    }

    @Test
    void optionsChooseToolsRewardMetricDifficultyAndSplit(@TempDir Path dir) throws IOException, ToolException {
        Path file = dir.resolve("rows.jsonl");
        Files.writeString(file, IntStream.range(0, 200)
                .mapToObj(i -> "{\"id\":\"r" + i + "\",\"prompt\":\"p" + i + "\",\"answer\":\"a\",\"difficulty\":"
                        + (1 + i % 4) + "}")
                .collect(Collectors.joining("\n")));
        Path corpus = dir.resolve("corpus.jsonl");
        CorpusReader.write(List.of(new CorpusDocument("d", "Vel", "a town.")), corpus);
        TaskSuite suite = TaskSuiteRegistry.create("jsonl", Map.of("path", file.toString(), "tools", "calc, search",
                "search.corpus", corpus.toString(), "reward", "f1", "metric", "f1", "difficulty", "2",
                "testFraction", "0.3"));
        List<Task> train = suite.tasks(Split.TRAIN, 1_000, 1);
        List<Task> test = suite.tasks(Split.TEST, 1_000, 1);
        assertEquals(100, train.size() + test.size(), "rows of difficulty 1 and 2");
        train.forEach(t -> assertEquals(Split.TRAIN, Split.of(t.id().substring(6), 0.3)));
        test.forEach(t -> assertEquals(Split.TEST, Split.of(t.id().substring(6), 0.3)));
        assertTrue(test.size() > 15 && test.size() < 45, "test rows: " + test.size());
        assertEquals(List.of("calc", "search"), train.get(0).tools());
        assertEquals("f1", train.get(0).rewardName());
        assertEquals(AnswerMetric.F1, train.get(0).metric());
        assertEquals("Vel: a town.", suite.tools().find("search").orElseThrow().run("Vel"));
        assertEquals(suite.tasks(Split.TRAIN, 10, 3), suite.tasks(Split.TRAIN, 10, 3));
    }

    @Test
    void testFractionZeroTrainsOnEveryRow(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("rows.jsonl");
        Files.writeString(file, IntStream.range(0, 50)
                .mapToObj(i -> "{\"id\":\"r" + i + "\",\"prompt\":\"p" + i + "\",\"answer\":\"a\"}")
                .collect(Collectors.joining("\n")));
        TaskSuite suite = TaskSuiteRegistry.create("jsonl", Map.of("path", file.toString(), "testFraction", "0"));
        assertEquals(50, suite.tasks(Split.TRAIN, 1_000, 1).size());
        assertEquals(0, suite.tasks(Split.TEST, 1_000, 1).size());
        IllegalArgumentException negative = assertThrows(IllegalArgumentException.class,
                () -> TaskSuiteRegistry.create("jsonl", Map.of("path", file.toString(), "testFraction", "-0.1")));
        assertEquals("jsonl testFraction must be in [0, 1) (0 = every row trains), got -0.1", negative.getMessage());
    }

    @Test
    void badOptionsAreRejectedWithTheKnownValues(@TempDir Path dir) {
        String path = dir.resolve("x.jsonl").toString();
        IllegalArgumentException reward = assertThrows(IllegalArgumentException.class,
                () -> TaskSuiteRegistry.create("jsonl", Map.of("path", path, "reward", "bleu")));
        assertEquals("jsonl reward: unknown reward 'bleu'; known rewards: [arpo, exact-match, f1]",
                reward.getMessage());
        IllegalArgumentException tool = assertThrows(IllegalArgumentException.class,
                () -> TaskSuiteRegistry.create("jsonl", Map.of("path", path, "tools", "calc,python")));
        assertEquals("jsonl tools: unknown tool 'python'; known tools: [calc, search]", tool.getMessage());
        IllegalArgumentException noPath = assertThrows(IllegalArgumentException.class,
                () -> TaskSuiteRegistry.create("jsonl", Map.of()));
        assertEquals("task suite jsonl needs option 'path' (a JSON Lines file)", noPath.getMessage());
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> TaskSuiteRegistry.create("jsonl", Map.of("path", path, "colour", "red")));
        assertTrue(unknown.getMessage().startsWith("unknown option 'colour' for task suite jsonl; known options: "
                + "[difficulty, metric, path, reward, testFraction, tools]"), unknown.getMessage());
    }

    @Test
    void integerIdsAndNumericAnswersAreTakenAsTextOtherTypesAreRejected(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("types.jsonl");
        Files.writeString(file, String.join("\n",
                "{\"id\":7,\"prompt\":\"p\",\"answer\":3.50}",
                "{\"id\":\"7\",\"prompt\":\"p\",\"answer\":\"1\"}",
                "{\"id\":7.5,\"prompt\":\"p\",\"answer\":\"1\"}",
                "{\"id\":\"a\",\"prompt\":true,\"answer\":\"1\"}",
                "{\"id\":\"b\",\"prompt\":\"p\",\"answer\":[1]}",
                "{\"id\":null,\"prompt\":\"p\",\"answer\":\"1\"}"));
        JsonlSuite suite = new JsonlSuite(JsonlConfig.defaults(file));
        assertEquals(List.of(
                file + ":2: duplicate id '7'",
                file + ":3: field 'id' must be a string or an integer, got the number 7.5",
                file + ":4: field 'prompt' must be a string, got a boolean true",
                file + ":5: field 'answer' must be a string or a number, got an array",
                file + ":6: field 'id' must be a string or an integer, got null"),
                suite.errors().stream().map(RowError::toString).toList());
        assertEquals(List.of("3.50"), all(suite).stream().map(Task::gold).toList());
        assertEquals("{\"id\":\"7\",\"prompt\":\"p\",\"answer\":\"1\"}", suite.errors().get(0).raw());
    }

    @Test
    void promptsThatDoNotFitTheLimitJoinTheRejectsInLineOrder(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("long.jsonl");
        Files.writeString(file, String.join("\n",
                "{\"id\":\"a\",\"prompt\":\"12345678\",\"answer\":\"1\"}",
                "{broken",
                "{\"id\":\"b\",\"prompt\":\"123\",\"answer\":\"1\"}"));
        PromptLimit limit = new PromptLimit(String::length, 10, "test limit");
        JsonlSuite limited = new JsonlSuite(JsonlConfig.defaults(file)).withPromptLimit(limit);
        assertEquals(List.of(file + ":1: prompt is 12 tokens, longer than the 10 that fit (test limit)",
                file + ":2: not valid JSON (near column 3)"),
                limited.errors().stream().map(RowError::toString).toList());
        DatasetSummary summary = limited.dataset().orElseThrow();
        assertEquals(1, summary.accepted());
        assertEquals(2, summary.rejected().size());
        assertEquals(List.of("jsonl-b"), all(limited).stream().map(Task::id).toList());
        IllegalArgumentException none = assertThrows(IllegalArgumentException.class,
                () -> limited.withPromptLimit(new PromptLimit(String::length, 3, "tiny")));
        assertEquals("no usable task rows in " + file + ": all 3 line(s) rejected, the first at line 1: prompt is 12 "
                + "tokens, longer than the 10 that fit (test limit)", none.getMessage());
    }

    private static List<Task> all(TaskSuite suite) {
        List<Task> all = new ArrayList<>(suite.tasks(Split.TRAIN, 1_000, 0));
        all.addAll(suite.tasks(Split.TEST, 1_000, 0));
        return all;
    }
}
