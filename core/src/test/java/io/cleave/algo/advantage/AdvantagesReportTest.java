package io.cleave.algo.advantage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AdvantagesReportTest {

    private static final String EXAMPLE = """
            {
              "segmenter": "marker",
              "groups": [
                {
                  "id": "q1",
                  "samples": [
                    {"text": ["<calc>", "2*3", "</calc>", "<result>6</result>", "It is 6", "</answer>"],
                     "env_spans": [[3, 4]], "reward": 1},
                    {"text": ["<calc>", "2*3", "</calc>", "<result>6</result>", "It is 5", "</answer>"],
                     "env_spans": [[3, 4]], "parent": 0, "branch_pos": 4, "reward": 0},
                    {"text": "no tool", "reward": 0}
                  ]
                }
              ]
            }
            """;

    private static String error(String json, String estimator) {
        return assertThrows(IllegalArgumentException.class, () -> AdvantagesReport.render(json, estimator))
                .getMessage();
    }

    @Test
    void gpgPrefixReportOfTheDocumentedExample() {
        String expected = """
                estimator gpg-prefix, segmenter marker, shared prefixes
                group q1: 3 trajectories, 4 nodes, rewards [1, 0, 0]
                  trajectory 0: reward 1, path [0, 1]
                    node 0 [0,4): 0.2887 0.2887 0.2887 0.0000
                    node 1 [4,6): 1.1547 1.1547
                  trajectory 1: reward 0, branched from 0 at 4, path [0, 2]
                    node 0 [0,4): 0.2887 0.2887 0.2887 0.0000
                    node 2 [4,6): -0.5773 -0.5773
                  trajectory 2: reward 0, path [3]
                    node 3 [0,7): -0.5773 -0.5773 -0.5773 -0.5773 -0.5773 -0.5773 -0.5773
                """;
        assertEquals(expected, AdvantagesReport.render(EXAMPLE, "gpg-prefix"));
    }

    @Test
    void documentationShowsTheSameExampleAndOutput() throws IOException {
        Path doc = Path.of(System.getProperty("basedir", System.getProperty("user.dir")))
                .resolve("../docs/advantages-json.md");
        String text = Files.readString(doc);
        String json = text.substring(text.indexOf("```json\n") + 8, text.indexOf("```", text.indexOf("```json\n") + 8));
        int outputStart = text.indexOf("\n", text.indexOf("$ cleave advantages --estimator gpg-prefix")) + 1;
        String output = text.substring(outputStart, text.indexOf("```", outputStart));
        assertEquals(output, AdvantagesReport.render(json, "gpg-prefix"));
    }

    @Test
    void gpgBranchAndGrpoOnTheExample() {
        AdvantagesRequest request = AdvantagesJson.parse(EXAMPLE);
        float[][] branch = AdvantageEstimators.get("gpg-branch").estimate(request.input())[0];
        double s = Math.sqrt(1.0 / 3) + 1e-6;
        float n0 = (float) ((0.5 - 1.0 / 3) / s);
        assertArrayEquals(new float[] {n0, n0, n0, 0, (float) (0.5 / s), (float) (0.5 / s)}, branch[0], 1e-5f);
        assertArrayEquals(new float[] {n0, n0, n0, 0, (float) (-0.5 / s), (float) (-0.5 / s)}, branch[1], 1e-5f);
        String grpo = AdvantagesReport.render(EXAMPLE, "grpo");
        assertTrue(grpo.contains("  trajectory 1: reward 0, branched from 0 at 4, path [0, 2]\n"
                + "    node 0 [0,4): -0.5773 -0.5773 -0.5773 0.0000\n"), grpo);
    }

    @Test
    void sequenceDefaultDoesNotSharePrefixes() {
        String json = EXAMPLE.replace("\"segmenter\": \"marker\",", "");
        String report = AdvantagesReport.render(json, "gpg-prefix");
        assertTrue(report.startsWith("estimator gpg-prefix, segmenter sequence, no shared prefixes\n"
                + "group q1: 3 trajectories, 3 nodes,"), report);
    }

    @Test
    void tokenIdsPolicyFlagsExplicitSegmentsAndReinforcePlusPlus() {
        String json = """
                {"kl_coef": 0.5, "groups": [{"samples": [
                  {"tokens": [1, 2, 3], "policy": [1, 0, 1], "segments": [2], "reward": 1,
                   "old_logp": [-1, 0, -1], "ref_logp": [-1, 0, -2]},
                  {"tokens": [4], "reward": 0, "old_logp": [-1], "ref_logp": [-1]}]}]}
                """;
        AdvantagesRequest request = AdvantagesJson.parse(json);
        assertEquals("0", request.groupIds().get(0));
        assertEquals(3, request.input().groups().get(0).nodes().size());
        // Trajectory 0: token rewards 0 (t0) and -0.5 + 1 (t2): G = 0.5, -, 0.5. Trajectory 1: G = 0.
        // Policy tokens 0.5, 0.5, 0: mean 1/3, unbiased var 1/12.
        float[][][] a = AdvantageEstimators.get("reinforce++").estimate(request.input());
        float hi = (float) ((0.5 - 1.0 / 3) / Math.sqrt(1.0 / 12));
        assertArrayEquals(new float[] {hi, 0, hi}, a[0][0], 1e-5f);
        assertArrayEquals(new float[] {(float) (-1.0 / 3 / Math.sqrt(1.0 / 12))}, a[0][1], 1e-5f);
    }

    @Test
    void errorsNameTheGroupSampleAndField() {
        assertEquals("group q1, sample 2: needs 'reward'",
                error(EXAMPLE.replace("\"no tool\", \"reward\": 0}", "\"no tool\"}"), "grpo"));
        assertEquals("group q1, sample 1: 'entropy' has 1 values for 6 tokens",
                error(EXAMPLE.replace("\"parent\": 0,", "\"entropy\": [0], \"parent\": 0,"), "grpo"));
        assertTrue(error(EXAMPLE.replace("\"2*3\", \"</calc>\", \"<result>6</result>\", \"It is 5\"",
                "\"2*4\", \"</calc>\", \"<result>6</result>\", \"It is 5\""), "grpo")
                .startsWith("group q1: sample 1: shared prefix differs from parent sample 0 at token 1"));
        assertEquals("group q1, sample 2: unknown field 'rewrd'; known: [branch_pos, entropy, env_spans, "
                + "old_logp, parent, policy, ref_logp, reward, segments, text, tokens]",
                error(EXAMPLE.replace("\"no tool\", \"reward\"", "\"no tool\", \"rewrd\""), "grpo"));
        assertTrue(error("{\"groups\": [", "grpo").startsWith("advantages JSON is malformed"));
        assertTrue(error(EXAMPLE, "ppo").startsWith("unknown advantage estimator 'ppo'"));
        assertTrue(error(EXAMPLE.replace("\"marker\"", "\"words\""), "grpo").startsWith("unknown segmenter"));
    }

    @Test
    void fileErrorsNameTheFile(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("batch.json");
        Files.writeString(file, EXAMPLE.replace("\"no tool\", \"reward\": 0}", "\"no tool\"}"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> AdvantagesReport.render(file, "grpo"));
        assertEquals(file + ": group q1, sample 2: needs 'reward'", e.getMessage());
        Files.writeString(file, EXAMPLE);
        assertFalse(AdvantagesReport.render(file, "rloo").isEmpty());
    }
}
