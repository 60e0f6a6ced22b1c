package io.cleave.train.rl;

import io.cleave.rollout.engine.PromptSpec;
import io.cleave.train.metrics.ExecutorStats;
import io.cleave.train.metrics.ResourceUsage;
import io.cleave.train.update.TrainingSequence;
import java.util.List;

/**
 * Where the {@link TrainingLoop} has an iteration's rollouts and advantages computed: in this process
 * ({@link LocalRollouts}) or on Spark executors (the Spark job's back-end). The loop decides which prompts are
 * rolled out, in which batches, which groups are kept and when; the back-end runs them and keeps the trajectories
 * until the advantage phase. Calls per iteration: {@link #startIteration}, then {@link #rollout} once per
 * dynamic-sampling round, then {@link #advantages} once (also when nothing was kept), then {@link #awaitWrites}.
 */
public interface RolloutBackend extends AutoCloseable {

    /**
     * How many batches each round's prompts are cut into. Each batch is rolled out as one batched decode (on Spark,
     * one partition), so the same count gives the same batches, and bit-identical trajectories, on every back-end.
     */
    int batchesPerRound();

    /** Starts iteration {@code iteration} with the policy's current weights (on Spark: broadcasts them). */
    void startIteration(long iteration);

    /**
     * Rolls out one round's prompts, batch by batch.
     *
     * @param round 0-based dynamic-sampling round of the iteration
     * @param batches the round's prompts cut into at most {@link #batchesPerRound()} contiguous batches
     * @return one group per prompt, in prompt order (the batches concatenated)
     */
    List<PromptGroup> rollout(long iteration, int round, List<List<PromptSpec>> batches);

    /**
     * The advantage phase over the trajectories of the {@code kept} prompts (rolled out in any round of this
     * iteration): reward shaping, macro-action trees, the configured estimator.
     *
     * @return every kept trajectory as a training sequence, in the order of {@code kept}, then sample order, with
     *     macro-action ids unique across the batch; empty when {@code kept} is
     */
    List<TrainingSequence> advantages(long iteration, List<PromptSpec> kept);

    /** Waits until what this iteration writes in the background (on Spark: the trajectory table) is complete. */
    void awaitWrites();

    /** Where this iteration's rollouts ran. */
    ExecutorStats executorStats();

    /** This iteration's rollout compute on the critical path, seconds, summed over rounds. */
    double rolloutComputeSeconds();

    /** What the process holds now, with what the back-end keeps alive. */
    ResourceUsage resources();

    /** Releases what the back-end holds (waiting for writes still in flight). */
    @Override
    void close();
}
