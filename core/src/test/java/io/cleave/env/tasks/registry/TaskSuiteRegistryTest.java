package io.cleave.env.tasks.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.cleave.env.tasks.TaskSuite;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TaskSuiteRegistryTest {

    @Test
    void createsSuitesByNameWithOptions() {
        assertEquals(Set.of("arith", "jsonl", "multihop"), TaskSuiteRegistry.names());
        TaskSuite arith = TaskSuiteRegistry.create("arith", Map.of("difficulty", "3"));
        assertEquals("arith", arith.name());
        assertEquals(3, arith.difficulty());
        assertEquals(Set.of("calc"), arith.tools().names());
        TaskSuite multihop = TaskSuiteRegistry.create("multihop", Map.of("difficulty", "3", "search.topK", "2"));
        assertEquals(3, multihop.difficulty());
        assertEquals(Set.of("calc", "search"), multihop.tools().names());
    }

    @Test
    void unknownNamesAndBadValuesAreExplained() {
        IllegalArgumentException name = assertThrows(IllegalArgumentException.class,
                () -> TaskSuiteRegistry.create("gsm8k", Map.of()));
        assertEquals("unknown task suite 'gsm8k'; known suites: [arith, jsonl, multihop]", name.getMessage());
        IllegalArgumentException parse = assertThrows(IllegalArgumentException.class,
                () -> TaskSuiteRegistry.create("arith", Map.of("difficulty", "hard")));
        assertEquals("option 'difficulty' must be an integer, got 'hard'", parse.getMessage());
        IllegalArgumentException range = assertThrows(IllegalArgumentException.class,
                () -> TaskSuiteRegistry.create("arith", Map.of("difficulty", "9")));
        assertEquals("arith difficulty must be in [1, 4], got 9", range.getMessage());
        IllegalArgumentException key = assertThrows(IllegalArgumentException.class,
                () -> TaskSuiteRegistry.create("multihop", Map.of("hops", "2")));
        assertEquals("unknown option 'hops' for task suite multihop; known options: [difficulty, people, "
                + "search.snippetChars, search.topK, testFraction, worldSeed]", key.getMessage());
    }
}
