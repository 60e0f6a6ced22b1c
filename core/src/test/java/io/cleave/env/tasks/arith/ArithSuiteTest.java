package io.cleave.env.tasks.arith;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cleave.env.tasks.Plan;
import io.cleave.env.tasks.PlanStep;
import io.cleave.env.tasks.Split;
import io.cleave.env.tasks.Task;
import io.cleave.env.tools.calc.CalcException;
import io.cleave.env.tools.calc.CalcParser;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ArithSuiteTest {

    @ParameterizedTest(name = "difficulty {0}")
    @ValueSource(ints = {1, 2, 3, 4})
    void splitsAreDisjointAndFollowThePromptHash(int difficulty) {
        ArithSuite suite = new ArithSuite(new ArithConfig(difficulty, 0.2));
        Set<String> train = prompts(suite.tasks(Split.TRAIN, 300, 1));
        train.addAll(prompts(suite.tasks(Split.TRAIN, 300, 2)));
        Set<String> test = prompts(suite.tasks(Split.TEST, 300, 1));
        test.addAll(prompts(suite.tasks(Split.TEST, 300, 3)));
        assertTrue(train.size() > 300 && test.size() > 300);
        Set<String> overlap = new HashSet<>(train);
        overlap.retainAll(test);
        assertEquals(Set.of(), overlap);
        train.forEach(p -> assertEquals(Split.TRAIN, Split.of(p, 0.2)));
        test.forEach(p -> assertEquals(Split.TEST, Split.of(p, 0.2)));
    }

    @ParameterizedTest(name = "difficulty {0}")
    @ValueSource(ints = {1, 2, 3, 4})
    void tasksAreRepeatablePerSeedAndDistinct(int difficulty) {
        List<Task> a = new ArithSuite(new ArithConfig(difficulty, 0.2)).tasks(Split.TRAIN, 50, 7);
        List<Task> b = new ArithSuite(new ArithConfig(difficulty, 0.2)).tasks(Split.TRAIN, 50, 7);
        List<Task> c = new ArithSuite(new ArithConfig(difficulty, 0.2)).tasks(Split.TRAIN, 50, 8);
        assertEquals(a, b);
        assertNotEquals(a, c);
        assertEquals(50, prompts(a).size());
        assertEquals(50, a.stream().map(Task::id).distinct().count());
    }

    @ParameterizedTest(name = "difficulty {0}")
    @ValueSource(ints = {1, 2, 3, 4})
    void goldIsThePlanEvaluatedByTheCalculator(int difficulty) throws CalcException {
        ArithConfig config = new ArithConfig(difficulty, 0.2);
        for (Task task : new ArithSuite(config).tasks(Split.TRAIN, 200, 11)) {
            Plan plan = task.plan();
            assertEquals(config.steps(), plan.steps().size(), task.prompt());
            Map<String, String> values = new HashMap<>();
            for (PlanStep step : plan.steps()) {
                assertEquals("calc", step.tool());
                values.put(step.outputs().get(0),
                        CalcParser.evaluate(Plan.fill(step.argumentTemplate(), values)).toString());
            }
            assertEquals(task.gold(), Plan.fill(plan.answerTemplate(), values), task.prompt());
            assertTrue(Long.parseLong(task.gold()) > 0, task.prompt());
            assertTrue(task.prompt().startsWith("Q: ") && task.prompt().endsWith("?\n"), task.prompt());
            assertTrue(task.prompt().length() <= 125, task.prompt());
            assertTrue(task.prompt().chars().allMatch(ch -> ch == '\n' || (ch >= ' ' && ch <= '~')));
            assertEquals(List.of("calc"), task.tools());
            assertEquals("arpo", task.rewardName());
        }
    }

    @Test
    void configIsValidated() {
        IllegalArgumentException d = assertThrows(IllegalArgumentException.class, () -> new ArithConfig(5, 0.2));
        assertEquals("arith difficulty must be in [1, 4], got 5", d.getMessage());
        IllegalArgumentException f = assertThrows(IllegalArgumentException.class, () -> new ArithConfig(1, 1.0));
        assertEquals("arith testFraction must be in (0, 1), got 1.0", f.getMessage());
    }

    private static Set<String> prompts(List<Task> tasks) {
        return tasks.stream().map(Task::prompt).collect(Collectors.toCollection(HashSet::new));
    }
}
