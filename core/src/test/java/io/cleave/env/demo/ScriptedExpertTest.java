package io.cleave.env.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cleave.env.protocol.EnvLimits;
import io.cleave.env.protocol.ParsedTrajectory;
import io.cleave.env.protocol.ToolEnvironment;
import io.cleave.env.reward.RewardRegistry;
import io.cleave.env.reward.RewardResult;
import io.cleave.env.tasks.Split;
import io.cleave.env.tasks.Task;
import io.cleave.env.tasks.TaskSuite;
import io.cleave.env.tasks.registry.TaskSuiteRegistry;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ScriptedExpertTest {

    /** Accuracy and the longest trajectory of an expert over tasks, every trajectory checked for format. */
    private record Score(double accuracy, int longest, double meanCalls) {}

    private static Score run(TaskSuite suite, List<Task> tasks, ExpertNoise noise, long seed) {
        try (ToolEnvironment env = new ToolEnvironment(suite.tools(), EnvLimits.defaults())) {
            ScriptedExpert expert = new ScriptedExpert(env, noise);
            int correct = 0;
            int longest = 0;
            int calls = 0;
            for (Task task : tasks) {
                Demonstration demo = expert.demonstrate(task, seed);
                ParsedTrajectory parsed = env.protocol().parser().parse(demo.trajectory());
                assertTrue(parsed.valid(), parsed.invalidReason() + " in " + demo.fullText());
                assertEquals(demo.toolCalls(), parsed.calls().size());
                RewardResult r = RewardRegistry.create(task.rewardName()).score(task.rewardInput(parsed));
                correct += r.correct() ? 1 : 0;
                longest = Math.max(longest, demo.trajectory().length());
                calls += demo.toolCalls();
            }
            return new Score((double) correct / tasks.size(), longest, (double) calls / tasks.size());
        }
    }

    @ParameterizedTest(name = "{0} difficulty {1}")
    @CsvSource({"arith,1,100", "arith,2,170", "arith,3,180", "multihop,2,240", "multihop,3,320"})
    void noiselessExpertSolvesEveryTaskWithShortTrajectories(String name, int difficulty, int maxChars) {
        TaskSuite suite = TaskSuiteRegistry.create(name, Map.of("difficulty", Integer.toString(difficulty)));
        List<Task> tasks = suite.tasks(Split.TRAIN, 150, 3);
        Score score = run(suite, tasks, ExpertNoise.none(), 1);
        assertEquals(1.0, score.accuracy());
        assertTrue(score.longest() <= maxChars, "longest trajectory " + score.longest());
        assertTrue(score.meanCalls() >= 2 && score.meanCalls() <= 4, "mean calls " + score.meanCalls());
    }

    @ParameterizedTest(name = "{0} difficulty {1} noise ({2}, {3}, {4})")
    @CsvSource({
        "arith,2,0.3,0,0", "arith,2,0,0.3,0", "arith,2,0,0,0.3", "arith,3,0.1,0.1,0.1",
        "multihop,2,0.3,0,0", "multihop,2,0,0.3,0", "multihop,2,0,0,0.3", "multihop,3,0.1,0.1,0.1"})
    void eachNoiseKnobLowersAccuracy(String name, int difficulty, double skip, double wrong, double slip) {
        TaskSuite suite = TaskSuiteRegistry.create(name, Map.of("difficulty", Integer.toString(difficulty)));
        List<Task> tasks = suite.tasks(Split.TRAIN, 120, 5);
        Score noisy = run(suite, tasks, new ExpertNoise(skip, wrong, slip), 1);
        assertTrue(noisy.accuracy() < 0.9, "accuracy " + noisy.accuracy());
        assertTrue(noisy.accuracy() > 0.2, "accuracy " + noisy.accuracy());
    }

    @Test
    void demonstrationsAreRepeatablePerSeed() {
        TaskSuite suite = TaskSuiteRegistry.create("multihop", Map.of());
        List<Task> tasks = suite.tasks(Split.TRAIN, 30, 2);
        ExpertNoise noise = new ExpertNoise(0.2, 0.2, 0.2);
        try (ToolEnvironment env = new ToolEnvironment(suite.tools(), EnvLimits.defaults())) {
            ScriptedExpert a = new ScriptedExpert(env, noise);
            ScriptedExpert b = new ScriptedExpert(env, noise);
            List<String> first = tasks.stream().map(t -> a.demonstrate(t, 9).trajectory()).toList();
            assertEquals(first, tasks.stream().map(t -> b.demonstrate(t, 9).trajectory()).toList());
            assertNotEquals(first, tasks.stream().map(t -> a.demonstrate(t, 10).trajectory()).toList());
        }
    }

    @Test
    void demonstrationCallsToolsThroughTheEnvironment() {
        TaskSuite suite = TaskSuiteRegistry.create("arith", Map.of("difficulty", "1"));
        Task task = suite.tasks(Split.TRAIN, 1, 0).get(0);
        try (ToolEnvironment env = new ToolEnvironment(suite.tools(), EnvLimits.defaults())) {
            Demonstration demo = new ScriptedExpert(env, ExpertNoise.none()).demonstrate(task, 0);
            String first = task.plan().steps().get(0).argumentTemplate();
            String[] ab = first.split("\\*");
            String product = Long.toString(Long.parseLong(ab[0]) * Long.parseLong(ab[1]));
            assertTrue(demo.trajectory().startsWith("<calc>" + first + "</calc><result>" + product + "</result>"),
                    demo.trajectory());
            assertTrue(demo.trajectory().endsWith("<answer>" + task.gold() + "</answer>"), demo.trajectory());
            assertEquals(task.prompt() + demo.trajectory(), demo.fullText());
        }
    }

    @Test
    void noiseIsValidated() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new ExpertNoise(0.1, 1.5, 0));
        assertEquals("ExpertNoise.wrongCallProb must be in [0, 1], got 1.5", e.getMessage());
    }
}
