package io.cleave.train.rl;

import io.cleave.algo.filter.DynamicSampling;
import io.cleave.algo.recipe.AlgorithmConfig;
import io.cleave.env.protocol.ToolEnvironment;
import io.cleave.model.Policy;
import io.cleave.rollout.engine.PromptRollout;
import io.cleave.rollout.engine.PromptSpec;
import io.cleave.rollout.engine.RolloutConfig;
import io.cleave.rollout.engine.RolloutEngine;
import io.cleave.train.metrics.IterationMetrics;
import io.cleave.train.metrics.RolloutStats;
import io.cleave.train.update.PolicyUpdate;
import io.cleave.train.update.TrainingSequence;
import io.cleave.train.update.UpdateMetrics;
import java.util.ArrayList;
import java.util.List;

/**
 * The single-process GPG trainer: every iteration samples its prompt batch, rolls out with beaming and tools,
 * scores rewards, cuts macro-actions and estimates calibrated advantages, then updates the policy
 * ({@link PolicyUpdate}). With dynamic sampling on, groups whose rewards are all equal are dropped and more prompts
 * are rolled out (up to the configured number of rounds). This is the reference the Spark job must agree with.
 */
public final class GpgTrainer {

    private final Policy policy;
    private final ToolEnvironment env;
    private final AlgorithmConfig algorithm;
    private final RolloutConfig rollout;
    private final PromptSchedule schedule;
    private final int promptsPerIteration;
    private final PolicyUpdate update;
    private final Policy rewardReference;
    private final int chunks;
    private long cursor;
    private List<PromptRollout> lastRollouts = List.of();

    /**
     * @param cursor position of the next prompt in the schedule (0 for a new run; restored on resume)
     * @param chunks batches each round's prompts are rolled out in, split as Spark splits a list into
     *     partitions (so the Spark job's partitions decode exactly the same batches)
     * @param rewardReference the frozen reference of a KL penalty in the reward ({@code reinforce++}), else null
     */
    public GpgTrainer(Policy policy, ToolEnvironment env, AlgorithmConfig algorithm, RolloutConfig rollout,
            PromptSchedule schedule, int promptsPerIteration, PolicyUpdate update, long cursor, int chunks,
            Policy rewardReference) {
        if (algorithm.rewardKlCoef() > 0 && rewardReference == null) {
            throw new IllegalArgumentException("a KL penalty in the reward needs the frozen reference policy");
        }
        this.policy = policy;
        this.env = env;
        this.algorithm = algorithm;
        this.rollout = rollout;
        this.schedule = schedule;
        this.promptsPerIteration = promptsPerIteration;
        this.update = update;
        this.cursor = cursor;
        this.chunks = chunks;
        this.rewardReference = rewardReference;
    }

    /** Position of the next prompt in the schedule (saved in checkpoints). */
    public long cursor() {
        return cursor;
    }

    /** The trajectories of the last iteration (after dynamic sampling). */
    public List<PromptRollout> lastRollouts() {
        return lastRollouts;
    }

    /** Runs training iteration {@code iteration} (numbered from 1). */
    public IterationMetrics iterate(long iteration) {
        long t0 = System.nanoTime();
        List<PromptRollout> rollouts = sample(iteration);
        lastRollouts = rollouts;
        long t1 = System.nanoTime();
        ScoredBatch batch = ScoredBatch.of(rollouts, algorithm, algorithm.rewardKlCoef() > 0
                ? ReferenceLogProbs.of(rewardReference, rollouts, rollout.sampling().scoringTemperature()) : null);
        List<TrainingSequence> rows = batch.sequences();
        long t2 = System.nanoTime();
        UpdateMetrics metrics = update.run(rows, rollout.runSeed() * 1_000_003L + iteration);
        long t3 = System.nanoTime();
        RolloutStats stats = RolloutStats.of(rollouts);
        return new IterationMetrics(iteration, rollouts.size(), stats.trajectories(), stats.meanReward(),
                stats.accuracy(), stats.formatValid(), stats.meanToolCalls(), stats.sampledTokens(), metrics,
                (t1 - t0) / 1e9, (t2 - t1) / 1e9, (t3 - t2) / 1e9);
    }

    private List<PromptRollout> sample(long iteration) {
        RolloutEngine engine = new RolloutEngine(policy, env, algorithm.newBranchPolicy(), algorithm.newSegmenter(),
                rollout);
        List<PromptRollout> kept = new ArrayList<>();
        int rounds = algorithm.dynamicSampling() ? algorithm.dynamicSamplingMaxRounds() : 1;
        for (int round = 0; round < rounds && kept.size() < promptsPerIteration; round++) {
            List<PromptSpec> prompts = schedule.batch(cursor, promptsPerIteration - kept.size());
            cursor += prompts.size();
            for (PromptRollout r : runInChunks(engine, prompts, iteration)) {
                if (!algorithm.dynamicSampling() || DynamicSampling.informative(rewards(r))) {
                    kept.add(r);
                }
            }
        }
        return kept;
    }

    private List<PromptRollout> runInChunks(RolloutEngine engine, List<PromptSpec> prompts, long iteration) {
        List<PromptRollout> out = new ArrayList<>();
        int slices = Math.max(1, Math.min(chunks, prompts.size()));
        for (int i = 0; i < slices; i++) {
            int from = (int) ((long) i * prompts.size() / slices);
            int to = (int) ((long) (i + 1) * prompts.size() / slices);
            out.addAll(engine.run(prompts.subList(from, to), iteration));
        }
        return out;
    }

    private static double[] rewards(PromptRollout r) {
        return r.samples().stream().mapToDouble(s -> s.reward()).toArray();
    }
}
