package io.cleave.train.rl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.cleave.rollout.engine.PromptSpec;
import io.cleave.train.config.TrainConfig;
import io.cleave.train.metrics.ExecutorStats;
import io.cleave.train.metrics.IterationMetrics;
import io.cleave.train.metrics.ResourceUsage;
import io.cleave.train.metrics.TrajectoryStats;
import io.cleave.train.update.TrainingSequence;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The loop's prompt rounds against a back-end whose rewards are given (the real back-ends' trajectories and
 * advantages are checked by the equivalence tests): with dynamic sampling only groups with differing rewards are
 * kept and each further round draws the prompts still missing, up to the round limit; without it one round keeps
 * everything; each round's prompts are cut into the back-end's batches.
 */
class TrainingLoopTest {

    @TempDir
    Path tmp;

    @Test
    void dynamicSamplingKeepsInformativeGroupsAndDrawsTheMissingPromptsInFurtherRounds() {
        // round 1: prompts 1 and 3 informative; round 2: prompt 0; round 3: none (the round limit ends the sampling)
        ScriptedRollouts rollouts = new ScriptedRollouts(3, List.of(
                List.of(same(), differing(), same(), differing()), List.of(differing(), same()), List.of(same())));
        IterationMetrics m = iterate(rollouts, "dapo", "algorithm.dynamic-sampling.max-rounds=3");
        assertEquals(List.of(4, 2, 1), rollouts.roundSizes);
        List<PromptSpec> drawn = rollouts.drawn;
        assertEquals(List.of(drawn.get(1), drawn.get(3), drawn.get(4)), rollouts.kept);
        assertEquals(3, m.rollout().prompts());
        assertEquals(6, m.rollout().trajectories());
        assertEquals(0.5, m.rollout().reward());
        assertEquals(7 * 2 * 5, m.rollout().sampledTokens(), "every group drawn counts, kept or not");
    }

    @Test
    void withoutDynamicSamplingOneRoundKeepsEveryGroupCutIntoTheBackEndsBatches() {
        ScriptedRollouts rollouts = new ScriptedRollouts(3, List.of(List.of(same(), same(), differing(), same())));
        IterationMetrics m = iterate(rollouts, "grpo");
        assertEquals(List.of(4), rollouts.roundSizes);
        assertEquals(List.of(List.of(1, 1, 2)), rollouts.batchSizes);
        assertEquals(rollouts.drawn, rollouts.kept);
        assertEquals(4, m.rollout().prompts());
    }

    private IterationMetrics iterate(ScriptedRollouts rollouts, String recipe, String... sets) {
        List<String> all = new ArrayList<>(List.of("run.dir=" + tmp.resolve("run"), "model.init-preset=tiny",
                "task.suite=arith", "algorithm.recipe=" + recipe, "task.prompts-per-iteration=4"));
        all.addAll(List.of(sets));
        try (TrainingSetup setup = TrainingSetup.create(TrainConfig.fromSets(all))) {
            TrainingLoop loop = new TrainingLoop(setup, rollouts, setup.update(), Optional.empty(),
                    TrainingListener.NONE);
            IterationMetrics m = loop.iterate(1);
            assertEquals(rollouts.drawn.size(), loop.cursor(), "the cursor moved past every prompt drawn");
            assertEquals(0, m.update().optimizerSteps(), "no training sequences, no step");
            return m;
        }
    }

    /** A group of two trajectories with equal rewards (0 and 0). */
    private static List<Double> same() {
        return List.of(0.0, 0.0);
    }

    /** A group of two trajectories with different rewards (0 and 1). */
    private static List<Double> differing() {
        return List.of(0.0, 1.0);
    }

    /**
     * Gives round {@code r}'s prompt {@code i} the rewards {@code rewards.get(r).get(i)}, five sampled tokens per
     * trajectory, and records what the loop asked for; its advantage phase yields no sequences.
     */
    private static final class ScriptedRollouts implements RolloutBackend {

        private final int batchesPerRound;
        private final List<List<List<Double>>> rewards;
        final List<Integer> roundSizes = new ArrayList<>();
        final List<List<Integer>> batchSizes = new ArrayList<>();
        final List<PromptSpec> drawn = new ArrayList<>();
        List<PromptSpec> kept = List.of();

        ScriptedRollouts(int batchesPerRound, List<List<List<Double>>> rewards) {
            this.batchesPerRound = batchesPerRound;
            this.rewards = rewards;
        }

        @Override
        public int batchesPerRound() {
            return batchesPerRound;
        }

        @Override
        public void startIteration(long iteration) {}

        @Override
        public List<PromptGroup> rollout(long iteration, int round, List<List<PromptSpec>> batches) {
            List<PromptSpec> prompts = batches.stream().flatMap(List::stream).toList();
            roundSizes.add(prompts.size());
            batchSizes.add(batches.stream().map(List::size).toList());
            drawn.addAll(prompts);
            List<PromptGroup> groups = new ArrayList<>();
            for (int i = 0; i < prompts.size(); i++) {
                List<TrajectoryStats> trajectories = rewards.get(round).get(i).stream()
                        .map(r -> new TrajectoryStats(r, r > 0, true, 1, 0, 0, 5)).toList();
                groups.add(new PromptGroup(prompts.get(i), trajectories));
            }
            return groups;
        }

        @Override
        public List<TrainingSequence> advantages(long iteration, List<PromptSpec> kept) {
            this.kept = List.copyOf(kept);
            return List.of();
        }

        @Override
        public void awaitWrites() {}

        @Override
        public ExecutorStats executorStats() {
            return ExecutorStats.IN_PROCESS;
        }

        @Override
        public double rolloutComputeSeconds() {
            return 0;
        }

        @Override
        public ResourceUsage resources() {
            return ResourceUsage.sample(0, 0);
        }

        @Override
        public void close() {}
    }
}
