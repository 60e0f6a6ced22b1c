package io.cleave.train.rl;

import io.cleave.algo.recipe.AlgorithmConfig;
import io.cleave.rollout.engine.PromptRollout;
import io.cleave.rollout.engine.PromptSpec;
import io.cleave.rollout.engine.RolloutEngine;
import io.cleave.train.metrics.ExecutorStats;
import io.cleave.train.metrics.ResourceUsage;
import io.cleave.train.metrics.TrajectoryStats;
import io.cleave.train.update.TrainingSequence;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The single-process rollout back-end: every batch is one batched decode of the trained policy in this thread, and
 * the advantage phase is {@link ScoredBatch}. With as many batches per round as the Spark job has partitions it
 * decodes exactly the batches the job's partitions decode, which is what makes the two bit-identical.
 */
public final class LocalRollouts implements RolloutBackend {

    private final TrainingSetup setup;
    private final AlgorithmConfig algorithm;
    private final int batchesPerRound;
    private final Map<String, PromptRollout> rolled = new HashMap<>();
    private RolloutEngine engine;
    private List<PromptRollout> lastKept = List.of();
    private double computeSeconds;

    /**
     * @param batchesPerRound batches each round's prompts are cut into (the Spark job's partition count, to match
     *     it), &gt;= 1
     */
    public LocalRollouts(TrainingSetup setup, int batchesPerRound) {
        if (batchesPerRound < 1) {
            throw new IllegalArgumentException("batches per round must be >= 1, got " + batchesPerRound);
        }
        this.setup = setup;
        this.algorithm = setup.config().algorithm().config();
        this.batchesPerRound = batchesPerRound;
    }

    /** The trajectories trained on in the last iteration (the kept prompts'), in training order. */
    public List<PromptRollout> lastRollouts() {
        return lastKept;
    }

    @Override
    public int batchesPerRound() {
        return batchesPerRound;
    }

    @Override
    public void startIteration(long iteration) {
        rolled.clear();
        computeSeconds = 0;
        engine = new RolloutEngine(setup.policy(), setup.env(), algorithm.newBranchPolicy(), algorithm.newSegmenter(),
                setup.rolloutConfig());
    }

    @Override
    public List<PromptGroup> rollout(long iteration, int round, List<List<PromptSpec>> batches) {
        long started = System.nanoTime();
        List<PromptGroup> groups = new ArrayList<>();
        for (List<PromptSpec> batch : batches) {
            for (PromptRollout r : engine.run(batch, iteration)) {
                rolled.put(r.spec().promptId(), r);
                List<TrajectoryStats> stats = new ArrayList<>();
                for (int s = 0; s < r.samples().size(); s++) {
                    stats.add(TrajectoryStats.of(r, s, setup.env().protocol()));
                }
                groups.add(new PromptGroup(r.spec(), stats));
            }
        }
        computeSeconds += (System.nanoTime() - started) / 1e9;
        return groups;
    }

    @Override
    public List<TrainingSequence> advantages(long iteration, List<PromptSpec> kept) {
        List<PromptRollout> rollouts = kept.stream().map(p -> rolled.get(p.promptId())).toList();
        lastKept = rollouts;
        rolled.clear();
        if (rollouts.isEmpty()) {
            return List.of();
        }
        List<float[][]> referenceLogProbs = algorithm.rewardKlCoef() > 0 ? ReferenceLogProbs.of(
                setup.rewardReference().orElseThrow(), rollouts, setup.rolloutConfig().sampling().scoringTemperature())
                : null;
        return ScoredBatch.of(rollouts, algorithm, referenceLogProbs).sequences();
    }

    @Override
    public void awaitWrites() {}

    @Override
    public ExecutorStats executorStats() {
        return ExecutorStats.IN_PROCESS;
    }

    @Override
    public double rolloutComputeSeconds() {
        return computeSeconds;
    }

    @Override
    public ResourceUsage resources() {
        return ResourceUsage.sample(0, 0);
    }

    @Override
    public void close() {
        rolled.clear();
    }
}
