package io.cleave.env.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cleave.env.protocol.StepResult.Status;
import io.cleave.env.tools.Tool;
import io.cleave.env.tools.ToolSet;
import io.cleave.env.tools.calc.CalcTool;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class ToolEnvironmentTest {

    /** A tool that sleeps before echoing its argument, to exercise the time-out. */
    private static final class SlowTool implements Tool {
        @Override
        public String name() {
            return "slow";
        }

        @Override
        public String run(String argument) {
            try {
                Thread.sleep(Long.parseLong(argument));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return "slept " + argument;
        }
    }

    /** A tool that echoes its argument, to exercise result cleaning. */
    private static final class EchoTool implements Tool {
        @Override
        public String name() {
            return "echo";
        }

        @Override
        public String run(String argument) {
            return argument.replace('[', '<').replace(']', '>');
        }
    }

    private static ToolEnvironment env(EnvLimits limits) {
        return new ToolEnvironment(ToolSet.of(new CalcTool(), new SlowTool(), new EchoTool()), limits);
    }

    @Test
    void runsTheCallAndReturnsTheTextToAppend() {
        try (ToolEnvironment env = env(EnvLimits.defaults())) {
            StepResult r = env.step("<calc>7*12</calc>");
            assertEquals("<result>84</result>", r.text());
            assertEquals(new StepResult("calc", "7*12", "84", Status.OK), r);
            assertEquals(List.of("</calc>", "</echo>", "</slow>", "</answer>"),
                    env.protocol().stopStrings());
        }
    }

    @Test
    void toolErrorsBecomeErrorResults() {
        try (ToolEnvironment env = env(EnvLimits.defaults())) {
            StepResult r = env.step("<calc>1/0</calc>");
            assertEquals("<result>error: division by zero</result>", r.text());
            assertEquals(Status.TOOL_ERROR, r.status());
            assertTrue(r.isError());
        }
    }

    @Test
    void unknownToolAndMalformedCallBecomeErrorResults() {
        try (ToolEnvironment env = env(EnvLimits.defaults())) {
            StepResult unknown = env.call("python", "1", "<python>1</python>");
            assertEquals("<result>error: unknown tool 'python'; tools: [calc, echo, slow]</result>", unknown.text());
            assertEquals(Status.UNKNOWN_TOOL, unknown.status());
            StepResult malformed = env.step("7*12</calc>");
            assertEquals("<result>error: (/calc) without (calc)</result>", malformed.text());
            assertEquals(Status.MALFORMED_CALL, malformed.status());
            assertThrows(IllegalArgumentException.class, () -> env.step("<answer>1</answer>"));
            assertThrows(IllegalArgumentException.class, () -> env.step("1</answer>"));
        }
    }

    @Test
    void enforcesTheCallLimit() {
        try (ToolEnvironment env = env(new EnvLimits(2, 200, 2_000, 1_024))) {
            String two = "<calc>1</calc><result>1</result><calc>2</calc>";
            assertEquals("<result>2</result>", env.step(two).text());
            StepResult third = env.step(two + "<result>2</result><calc>3</calc>");
            assertEquals("<result>error: tool call limit of 2 reached</result>", third.text());
            assertEquals(Status.CALL_LIMIT, third.status());
        }
    }

    @Test
    void truncatesLongResultsWithAMarker() {
        try (ToolEnvironment env = env(new EnvLimits(6, 30, 2_000, 1_024))) {
            StepResult r = env.step("<calc>10^40</calc>");
            assertEquals("1" + "0".repeat(15) + "...[truncated]", r.content());
            assertEquals(30, r.content().length());
            assertEquals("<result>1000000000000000...[truncated]</result>", r.text());
            assertEquals("<result>" + "1" + "0".repeat(29) + "</result>", env.step("<calc>10^29</calc>").text());
        }
    }

    @Test
    void replacesAngleBracketsSoResultsHoldNoTags() {
        try (ToolEnvironment env = env(EnvLimits.defaults())) {
            assertEquals("<result>(b)x(/result)</result>", env.step("<echo>[b]x[/result]</echo>").text());
        }
    }

    @Test
    void timesOutSlowTools() {
        try (ToolEnvironment env = env(new EnvLimits(6, 200, 100, 1_024))) {
            long start = System.nanoTime();
            StepResult r = env.step("<slow>5000</slow>");
            long elapsedMs = (System.nanoTime() - start) / 1_000_000;
            assertEquals("<result>error: tool slow timed out after 100 ms</result>", r.text());
            assertEquals(Status.TIMEOUT, r.status());
            assertTrue(elapsedMs < 4_000, "returned after " + elapsedMs + " ms");
            assertEquals("<result>slept 1</result>", env.step("<slow>1</slow>").text());
        }
    }

    @Test
    void toolsThatIgnoreInterruptsHoldAtMostTheThreadLimit() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        Tool stuck = new Tool() {
            @Override
            public String name() {
                return "stuck";
            }

            @Override
            public String run(String argument) {
                while (release.getCount() > 0) {
                    try {
                        release.await();
                    } catch (InterruptedException ignored) {
                        // a hung tool ignores the interrupt of its time-out
                    }
                }
                return "released";
            }
        };
        try (ToolEnvironment env = new ToolEnvironment(ToolSet.of(stuck), new EnvLimits(6, 200, 50, 1_024), 2)) {
            assertEquals("<result>error: tool stuck timed out after 50 ms</result>",
                    env.step("<stuck>1</stuck>").text());
            assertEquals(Status.TIMEOUT, env.step("<stuck>2</stuck>").status());
            StepResult refused = env.step("<stuck>3</stuck>");
            assertEquals(new StepResult("stuck", "3",
                    "error: 2 tool calls are still running past their time-out; not starting stuck",
                    Status.TOOL_ERROR), refused);
            release.countDown();
            long deadline = System.nanoTime() + 5_000_000_000L;
            StepResult again = env.step("<stuck>4</stuck>");
            while (again.status() != Status.OK && System.nanoTime() < deadline) {
                Thread.sleep(20);
                again = env.step("<stuck>4</stuck>");
            }
            assertEquals("<result>released</result>", again.text(), "released threads serve new calls");
        }
    }

    @Test
    void enforcesTheTrajectoryLength() {
        try (ToolEnvironment env = env(new EnvLimits(6, 200, 2_000, 40))) {
            String call = "<calc>2^10</calc>";
            assertEquals("<result>1024</result>", env.step(call).text());
            String longer = "<think>" + "x".repeat(10) + "</think>" + call;
            StepResult r = env.step(longer);
            assertTrue(longer.length() + "<result>1024</result>".length() > 40);
            assertEquals("<result>error: trajectory limit of 40 chars reached</result>", r.text());
            assertEquals(Status.LENGTH_LIMIT, r.status());
        }
    }

    @Test
    void limitsAreValidated() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new EnvLimits(-1, 200, 1, 1));
        assertEquals("EnvLimits.maxToolCalls must be in [0, 10000], got -1", e.getMessage());
        IllegalArgumentException r = assertThrows(IllegalArgumentException.class,
                () -> new EnvLimits(1, 10, 1, 1));
        assertEquals("EnvLimits.maxResultChars must be in [20, 1000000], got 10", r.getMessage());
        IllegalArgumentException t = assertThrows(IllegalArgumentException.class,
                () -> new EnvLimits(1, 200, 0, 1));
        assertEquals("EnvLimits.toolTimeoutMs must be in [1, 600000], got 0", t.getMessage());
    }
}
