package io.cleave.train.rl;

import io.cleave.algo.filter.DynamicSampling;
import io.cleave.algo.recipe.AlgorithmConfig;
import io.cleave.env.tasks.Split;
import io.cleave.env.tasks.Task;
import io.cleave.rollout.engine.PromptSpec;
import io.cleave.train.config.TrainConfig;
import io.cleave.train.metrics.IterationMetrics;
import io.cleave.train.metrics.PhaseTimes;
import io.cleave.train.metrics.RolloutStats;
import io.cleave.train.metrics.TrajectoryStats;
import io.cleave.train.run.RunStoppedException;
import io.cleave.train.update.NonFiniteUpdateException;
import io.cleave.train.update.PolicyUpdate;
import io.cleave.train.update.TrainingSequence;
import io.cleave.train.update.UpdateMetrics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The training loop of every RL recipe, whatever computes the rollouts (a {@link RolloutBackend}: this process, or
 * Spark executors). Iteration {@code k}:
 * <ol>
 *   <li>the back-end starts the iteration with the current weights (on Spark: broadcasts them);</li>
 *   <li>prompt rounds: the next prompts of the schedule, cut into the back-end's batches, are rolled out; with
 *       dynamic sampling only the informative groups ({@link DynamicSampling#informative}) are kept and more
 *       prompts are drawn for the missing ones, up to {@code dynamic-sampling.max-rounds} rounds;</li>
 *   <li>the advantage phase over the kept groups gives the training sequences;</li>
 *   <li>the policy update, its minibatch shuffles seeded by {@link #updateSeed};</li>
 *   <li>held-out evaluation every {@code task.eval-every} iterations and after the last;</li>
 *   <li>once the back-end's background writes are complete, a checkpoint every {@code checkpoint.every}
 *       iterations and after the last;</li>
 *   <li>the iteration's {@link IterationMetrics} to the listener.</li>
 * </ol>
 * A minibatch whose loss or gradient is not finite is skipped; {@code optim.max-nonfinite-steps} of them in a row
 * stop the run with {@link RunStoppedException}, after a checkpoint of the last good state.
 */
public final class TrainingLoop {

    private final TrainingSetup setup;
    private final TrainConfig config;
    private final AlgorithmConfig algorithm;
    private final RolloutBackend backend;
    private final PolicyUpdate update;
    private final Optional<RunCheckpoints> checkpoints;
    private final TrainingListener listener;
    private final List<Task> heldOut;
    private long cursor;

    /**
     * A loop over {@code setup}'s policy and prompt schedule, starting at the schedule's first prompt.
     *
     * @param update the setup's update, or the same with gradients from elsewhere
     *     ({@link PolicyUpdate#withGradients})
     * @param checkpoints where checkpoints go; empty for a run that keeps none (benchmarks)
     */
    public TrainingLoop(TrainingSetup setup, RolloutBackend backend, PolicyUpdate update,
            Optional<RunCheckpoints> checkpoints, TrainingListener listener) {
        this.setup = setup;
        this.config = setup.config();
        this.algorithm = config.algorithm().config();
        this.backend = backend;
        this.update = update;
        this.checkpoints = checkpoints;
        this.listener = listener;
        this.heldOut = config.task().evalEvery() > 0
                ? setup.suite().tasks(Split.TEST, config.task().evalSize(), config.run().seed()) : List.of();
    }

    /** The seed of iteration {@code iteration}'s update (its minibatch shuffles). */
    static long updateSeed(long runSeed, long iteration) {
        return runSeed * 1_000_003L + iteration;
    }

    /** Position of the next prompt in the schedule (saved in checkpoints). */
    public long cursor() {
        return cursor;
    }

    /**
     * Runs iterations {@code start.firstIteration()} to {@code run.iterations}, from the schedule position of
     * {@code start}, evaluating held-out accuracy first when the run evaluates.
     */
    public RunResult run(RunStart start) {
        cursor = start.cursor();
        double before = heldOut.isEmpty() ? Double.NaN : evaluate();
        listener.onStart(start, before);
        double after = before;
        long last = start.firstIteration() - 1;
        for (long it = start.firstIteration(); it <= config.run().iterations(); it++) {
            IterationMetrics metrics = iterate(it);
            if (!Double.isNaN(metrics.heldOutAccuracy())) {
                after = metrics.heldOutAccuracy();
            }
            last = it;
        }
        return new RunResult(start.firstIteration(), last, before, after);
    }

    /** Runs training iteration {@code iteration} (numbered from 1) and returns its metrics. */
    public IterationMetrics iterate(long iteration) {
        long t0 = System.nanoTime();
        backend.startIteration(iteration);
        long t1 = System.nanoTime();
        Sampled sampled = sample(iteration);
        long t2 = System.nanoTime();
        List<TrainingSequence> sequences = backend.advantages(iteration, sampled.prompts());
        long t3 = System.nanoTime();
        UpdateMetrics updated = updatePolicy(iteration, sequences);
        long t4 = System.nanoTime();
        double accuracy = due(iteration, config.task().evalEvery()) && !heldOut.isEmpty() ? evaluate() : Double.NaN;
        backend.awaitWrites();
        if (checkpoints.isPresent() && due(iteration, config.checkpoint().every())) {
            checkpoints.get().save(iteration, cursor);
        }
        long t5 = System.nanoTime();
        IterationMetrics metrics = new IterationMetrics(iteration,
                RolloutStats.of(sampled.groups(), sampled.tokens()), updated, accuracy, backend.executorStats(),
                new PhaseTimes(seconds(t1, t2), backend.rolloutComputeSeconds(), seconds(t2, t3), seconds(t3, t4),
                        seconds(t0, t5)),
                backend.resources());
        listener.onIteration(metrics);
        return metrics;
    }

    /** The prompts kept by the iteration's rounds, their groups, and the tokens sampled in all rounds. */
    private record Sampled(List<PromptSpec> prompts, List<List<TrajectoryStats>> groups, long tokens) {}

    private Sampled sample(long iteration) {
        int wanted = config.task().promptsPerIteration();
        int rounds = algorithm.dynamicSampling() ? algorithm.dynamicSamplingMaxRounds() : 1;
        List<PromptSpec> kept = new ArrayList<>();
        List<List<TrajectoryStats>> groups = new ArrayList<>();
        long tokens = 0;
        for (int round = 0; round < rounds && kept.size() < wanted; round++) {
            List<PromptSpec> prompts = setup.schedule().batch(cursor, wanted - kept.size());
            cursor += prompts.size();
            List<PromptGroup> rolled = backend.rollout(iteration, round, batches(prompts,
                    backend.batchesPerRound()));
            if (rolled.size() != prompts.size()) {
                throw new IllegalStateException("the rollout back-end returned " + rolled.size() + " groups for "
                        + prompts.size() + " prompts");
            }
            for (PromptGroup group : rolled) {
                tokens += group.sampledTokens();
                if (!algorithm.dynamicSampling() || DynamicSampling.informative(group.rewards())) {
                    kept.add(group.prompt());
                    groups.add(group.trajectories());
                }
            }
        }
        return new Sampled(kept, groups, tokens);
    }

    /**
     * {@code prompts} cut into {@code min(count, prompts.size())} contiguous batches, batch {@code i} holding prompts
     * {@code [i * n / b, (i + 1) * n / b)}.
     */
    static List<List<PromptSpec>> batches(List<PromptSpec> prompts, int count) {
        int b = Math.max(1, Math.min(count, prompts.size()));
        List<List<PromptSpec>> out = new ArrayList<>(b);
        for (int i = 0; i < b; i++) {
            out.add(List.copyOf(prompts.subList((int) ((long) i * prompts.size() / b),
                    (int) ((long) (i + 1) * prompts.size() / b))));
        }
        return out;
    }

    private UpdateMetrics updatePolicy(long iteration, List<TrainingSequence> sequences) {
        try {
            return update.run(sequences, updateSeed(config.run().seed(), iteration));
        } catch (NonFiniteUpdateException e) {
            String kept = checkpoints.map(c -> "; last good state in " + lastGood(c, iteration)).orElse("");
            throw new RunStoppedException("iteration " + iteration + ": " + e.getMessage() + kept, e);
        }
    }

    /** The checkpoint of the state the non-finite steps left (their earlier finite steps applied). */
    private Path lastGood(RunCheckpoints c, long iteration) {
        Path dir = c.directoryFor(iteration);
        return Files.exists(dir) ? dir : c.save(iteration, cursor);
    }

    private boolean due(long iteration, int every) {
        return every > 0 && (iteration % every == 0 || iteration == config.run().iterations());
    }

    private double evaluate() {
        return setup.evaluator().evaluate(heldOut, 0, n -> { }).accuracy();
    }

    private static double seconds(long from, long to) {
        return (to - from) / 1e9;
    }
}
