package io.cleave.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cleave advantages} on the committed example {@code docs/examples/advantages-branched.json}: hand-computed
 * GRPO numbers, the documented output, and one-line errors naming the estimator or the file.
 */
class AdvantagesCommandTest {

    /** Surefire runs in the module folder; the docs are one level up. */
    private static final Path DOCS = Path.of("..", "docs");
    private static final Path EXAMPLE = DOCS.resolve("examples").resolve("advantages-branched.json");

    @TempDir
    Path tmp;

    /**
     * Group q2 has rewards 1, 0, 0.5, -1: mean 0.125, squared deviations 0.765625 + 0.015625 + 0.140625 + 1.265625
     * = 2.1875, unbiased std sqrt(2.1875 / 3) = 0.853913, so (r - mean) / (std + 1e-6) = 1.0247, -0.1464, 0.4392,
     * -1.3175 on every policy token of each row; the tool results (tokens 3 and 7) get 0. Nodes: 0 = [0,4) shared by
     * samples 0, 1, 2; 1 = [4,8) shared by 0 and 2; 2, 3, 4 their own tails; 5 the independent sample 3.
     */
    @Test
    void grpoGivesEachRowItsNormalisedReward() {
        CliRun run = CliRun.of("advantages", "--estimator", "grpo", EXAMPLE.toString());
        assertEquals(0, run.code(), run.err());
        assertEquals("", run.err());
        assertTrue(run.out().startsWith("estimator grpo, segmenter marker, shared prefixes\n"), run.out());
        String q2 = run.out().substring(run.out().indexOf("group q2"));
        assertEquals("""
                group q2: 4 trajectories, 6 nodes, rewards [1, 0, 0.5000, -1]
                  trajectory 0: reward 1, path [0, 1, 2]
                    node 0 [0,4): 1.0247 1.0247 1.0247 0.0000
                    node 1 [4,8): 1.0247 1.0247 1.0247 0.0000
                    node 2 [8,11): 1.0247 1.0247 1.0247
                  trajectory 1: reward 0, branched from 0 at 4, path [0, 3]
                    node 0 [0,4): -0.1464 -0.1464 -0.1464 0.0000
                    node 3 [4,7): -0.1464 -0.1464 -0.1464
                  trajectory 2: reward 0.5000, branched from 0 at 8, path [0, 1, 4]
                    node 0 [0,4): 0.4392 0.4392 0.4392 0.0000
                    node 1 [4,8): 0.4392 0.4392 0.4392 0.0000
                    node 4 [8,11): 0.4392 0.4392 0.4392
                  trajectory 3: reward -1, path [5]
                    node 5 [0,2): -1.3175 -1.3175
                """, q2);
    }

    /** gpg-prefix: a shared node gets the mean of the GRPO advantages of the rows through it. */
    @Test
    void gpgPrefixAveragesSharedNodes() {
        String out = CliRun.of("advantages", "--estimator", "gpg-prefix", EXAMPLE.toString()).out();
        String q2 = out.substring(out.indexOf("group q2"));
        // node 0: (1.024694 - 0.146385 + 0.439155) / 3 = 0.439155; node 1: (1.024694 + 0.439155) / 2 = 0.731925
        assertTrue(q2.contains("  trajectory 1: reward 0, branched from 0 at 4, path [0, 3]\n"
                + "    node 0 [0,4): 0.4392 0.4392 0.4392 0.0000\n"
                + "    node 3 [4,7): -0.1464 -0.1464 -0.1464\n"), q2);
        assertTrue(q2.contains("    node 1 [4,8): 0.7319 0.7319 0.7319 0.0000\n"), q2);
    }

    /** The doc shows the example file verbatim and the command's exact output on it. */
    @Test
    void docShowsTheExampleAndItsOutput() throws Exception {
        String doc = Files.readString(DOCS.resolve("advantages-json.md"));
        String example = Files.readString(EXAMPLE);
        assertTrue(doc.contains("```json\n" + example + "```\n"), "doc's example JSON differs from " + EXAMPLE);
        String command = "$ cleave advantages --estimator gpg-prefix docs/examples/advantages-branched.json\n";
        int from = doc.indexOf(command);
        assertTrue(from >= 0, "doc has no output block for the example");
        String shown = doc.substring(from + command.length(), doc.indexOf("```", from));
        assertEquals(CliRun.of("advantages", "--estimator", "gpg-prefix", EXAMPLE.toString()).out(), shown);
    }

    @Test
    void unknownEstimatorListsTheKnownOnes() {
        assertEquals(new CliRun(CleaveCli.USER_ERROR, "", "error: unknown advantage estimator 'ppo'; known: "
                + "[dr-grpo, gpg-branch, gpg-prefix, grpo, reinforce++, rloo]\n"),
                CliRun.of("advantages", "--estimator", "ppo", EXAMPLE.toString()));
    }

    @Test
    void fileProblemsAreOneLineNamingTheFile() throws Exception {
        Path missing = tmp.resolve("none.json");
        assertEquals(new CliRun(CleaveCli.USER_ERROR, "", "error: advantages file not found: " + missing + "\n"),
                CliRun.of("advantages", "--estimator", "grpo", missing.toString()));
        Path truncated = tmp.resolve("truncated.json");
        Files.writeString(truncated, "{\"groups\": [");
        CliRun malformed = CliRun.of("advantages", "--estimator", "grpo", truncated.toString());
        assertEquals(CleaveCli.USER_ERROR, malformed.code());
        assertTrue(malformed.err().startsWith("error: " + truncated + ": advantages JSON is malformed: "),
                malformed.err());
        assertEquals(1, malformed.err().lines().count(), malformed.err());
        Path noReward = tmp.resolve("no-reward.json");
        Files.writeString(noReward, "{\"groups\": [{\"id\": \"q1\", \"samples\": [{\"text\": \"ab\"}]}]}");
        assertEquals(new CliRun(CleaveCli.USER_ERROR, "", "error: " + noReward + ": group q1, sample 0: needs "
                + "'reward'\n"), CliRun.of("advantages", "--estimator", "grpo", noReward.toString()));
    }
}
