package io.cleave.rollout.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cleave.env.protocol.ToolEnvironment;
import io.cleave.model.DecodeSession;
import io.cleave.model.RowRandom;
import io.cleave.model.SamplingConfig;
import io.cleave.rollout.branch.SeedDerivation;
import io.cleave.rollout.branch.BranchParams;
import io.cleave.rollout.branch.BranchPolicies;
import io.cleave.rollout.branch.BranchPolicy;
import io.cleave.rollout.segment.Segmenters;
import io.cleave.rollout.tree.RolloutSample;
import io.cleave.rollout.tree.TrajectoryTreeBuilder;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Batched rollout with tools and beaming on a tiny warm-started agent. */
class RolloutEngineTest {

    private static final RolloutConfig CONFIG = new RolloutConfig(new SamplingConfig(1.0, 0, 1.0), 120, 17);

    private static List<PromptRollout> run(BranchPolicy branching, String segmenter, List<PromptSpec> prompts) {
        try (ToolEnvironment env = TinyAgent.environment()) {
            return new RolloutEngine(TinyAgent.policy(), env, branching, Segmenters.create(segmenter), CONFIG)
                    .run(prompts, 3);
        }
    }

    private static BranchPolicy arpo(int n, int m) {
        BranchParams d = BranchParams.defaults();
        return BranchPolicies.create("arpo", new BranchParams(n, m, 2, d.alpha(), d.beta(), 0.9, 2, d.rule()));
    }

    @Test
    void arpoEndsEveryPromptWithExactlyMLeavesAndBranchesShareTheirParentsPrefix() {
        List<PromptRollout> out = run(arpo(3, 8), "marker", TinyAgent.prompts(4, 5));
        int branched = 0;
        for (PromptRollout prompt : out) {
            assertEquals(8, prompt.samples().size(), "exactly M leaves");
            long fromBranches = prompt.samples().stream().filter(s -> s.parentSample() >= 0).count();
            assertTrue(fromBranches <= 8 - 3, "at most M - N from branches");
            branched += fromBranches;
            for (RolloutSample s : prompt.samples()) {
                if (s.parentSample() >= 0) {
                    RolloutSample parent = prompt.samples().get(s.parentSample());
                    assertArrayEquals(Arrays.copyOf(parent.tokens(), s.branchPos()),
                            Arrays.copyOf(s.tokens(), s.branchPos()), "shared prefix");
                    assertFalse(s.policyMask()[s.branchPos() - 1], "branches start right after a tool result");
                }
            }
            TrajectoryTreeBuilder.build(prompt.samples(), Segmenters.create("marker"));
        }
        assertTrue(branched > 0, "the agent calls tools, so some prompts branch");
        assertTrue(out.stream().mapToLong(p -> p.toolCalls().stream().mapToInt(i -> i).sum()).sum() > 0);
    }

    @Test
    void aForkedBranchSamplesWhatAnUnforkedRerunFromItsMacroStateSamples() {
        List<PromptSpec> prompts = TinyAgent.prompts(4, 5);
        List<PromptRollout> out = run(arpo(3, 8), "marker", prompts);
        int checked = 0;
        for (PromptRollout prompt : out) {
            for (int index = 0; index < prompt.samples().size(); index++) {
                RolloutSample s = prompt.samples().get(index);
                if (s.parentSample() < 0) {
                    continue;
                }
                int[] state = concat(prompt.spec().promptTokens(), Arrays.copyOf(s.tokens(), s.branchPos()));
                int run = 0;
                while (s.branchPos() + run < s.tokens().length && s.policyMask()[s.branchPos() + run]) {
                    run++;
                }
                RowRandom random = new RowRandom(0, 1);
                random.reseed(0, SeedDerivation.seed(CONFIG.runSeed(), 3, prompt.spec().promptId(), index));
                try (DecodeSession session = TinyAgent.policy().newSession(1, state.length + run)) {
                    session.append(new int[][] {state});
                    for (int i = 0; i < run; i++) {
                        int token = session.sample(CONFIG.sampling(), random.next()).tokens()[0];
                        assertEquals(s.tokens()[s.branchPos() + i], token, "branch token " + i);
                        session.append(new int[][] {{token}});
                    }
                }
                checked++;
            }
        }
        assertTrue(checked > 0);
    }

    private static int[] concat(int[] a, int[] b) {
        int[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    @Test
    void toolResultTokensAreEnvironmentTokensWithoutLogProbs() {
        PromptRollout prompt = run(BranchPolicies.create("none", BranchParams.defaults()), "sequence",
                TinyAgent.prompts(2, 9)).get(0);
        for (int s = 0; s < prompt.samples().size(); s++) {
            RolloutSample sample = prompt.samples().get(s);
            String text = prompt.texts().get(s);
            for (int i = 0; i < sample.tokens().length; i++) {
                if (!sample.policyMask()[i]) {
                    assertEquals(0f, prompt.oldLogProbs().get(s)[i]);
                }
            }
            int runs = 0;
            for (int i = 0; i < sample.tokens().length; i++) {
                if (!sample.policyMask()[i] && (i == 0 || sample.policyMask()[i - 1])) {
                    runs++;
                    StringBuilder env = new StringBuilder();
                    for (int j = i; j < sample.tokens().length && !sample.policyMask()[j]; j++) {
                        env.append(sample.tokenText()[j]);
                    }
                    assertTrue("<result>".startsWith(env.toString()) || env.toString().startsWith("<result>"), env.toString());
                    assertTrue(text.contains(env), "tool results are part of the trajectory text");
                }
            }
            assertTrue(runs <= prompt.toolCalls().get(s) && runs >= prompt.toolCalls().get(s) - 1,
                    "one result per call (the last may be cut by the length limit)");
        }
    }

    @Test
    void aPromptsTrajectoriesDoNotDependOnItsBatch() {
        List<PromptSpec> prompts = TinyAgent.prompts(3, 21);
        PromptRollout alone = run(arpo(2, 6), "marker", prompts.subList(1, 2)).get(0);
        PromptRollout inBatch = run(arpo(2, 6), "marker", prompts).get(1);
        assertEquals(alone.texts(), inBatch.texts());
        for (int s = 0; s < alone.samples().size(); s++) {
            assertEquals(alone.samples().get(s).parentSample(), inBatch.samples().get(s).parentSample());
            assertArrayEquals(alone.oldLogProbs().get(s), inBatch.oldLogProbs().get(s), 1e-4f);
        }
    }

    @Test
    void boundaryBeamingForksAtMarkerCutsUpToTheBudget() {
        BranchParams d = BranchParams.defaults();
        BranchPolicy boundary = BranchPolicies.create("boundary", new BranchParams(2, 6, 1, d.alpha(), d.beta(),
                d.tau(), d.lookahead(), d.rule()));
        for (PromptRollout prompt : run(boundary, "marker", TinyAgent.prompts(3, 33))) {
            assertEquals(6, prompt.samples().size());
            for (RolloutSample s : prompt.samples()) {
                if (s.parentSample() >= 0) {
                    RolloutSample parent = prompt.samples().get(s.parentSample());
                    int[] cuts = Segmenters.create("marker").cuts(new io.cleave.rollout.segment.SegmentInput(
                            parent.tokens(), parent.policyMask(), parent.entropy(), parent.tokenText()));
                    assertTrue(Arrays.binarySearch(cuts, s.branchPos()) >= 0, "branches start at a marker cut");
                }
            }
        }
    }
}
