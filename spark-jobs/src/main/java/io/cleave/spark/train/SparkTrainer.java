package io.cleave.spark.train;

import io.cleave.env.tasks.Split;
import io.cleave.env.tasks.Task;
import io.cleave.report.RunReport;
import io.cleave.spark.executor.JobSpec;
import io.cleave.spark.executor.WeightsPayload;
import io.cleave.spark.kryo.CleaveKryoRegistrator;
import io.cleave.train.checkpoint.CheckpointStore;
import io.cleave.train.checkpoint.DataCursor;
import io.cleave.train.checkpoint.TrainerState;
import io.cleave.train.config.TrainConfig;
import io.cleave.train.config.UpdateMode;
import io.cleave.train.rl.TrainingSetup;
import io.cleave.train.run.DatasetReport;
import io.cleave.train.run.RunStoppedException;
import io.cleave.train.update.NonFiniteUpdateException;
import io.cleave.train.update.PolicyUpdate;
import io.cleave.train.update.UpdateMetrics;
import java.awt.AWTError;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The driver of the Spark training job. Every iteration: broadcast the weights with their version (destroying the
 * previous broadcast), roll out on executors, compute advantages with Spark SQL, update the policy (gradients
 * computed on the driver, or with {@code update.mode=data-parallel} on executors and summed on the driver by
 * {@link DataParallelGradients}; AdamW steps on the driver either way), append a metrics row (with the driver's
 * {@link ResourceUsage}) and the trajectories, and checkpoint every {@code checkpoint.every} iterations.
 * {@code resume} continues from the newest complete checkpoint of the run directory. Before the first iteration, a
 * suite that read a data file has its accepted and rejected rows written to the run directory ({@link DatasetReport})
 * and counted on the console. At the end it writes the run report ({@link RunReport}); a report failure is logged
 * and does not fail the run. The job runs in a session it creates and stops
 * ({@link #run(TrainConfig, String, boolean, PrintStream)}) or in the caller's session, left running
 * ({@link #runIn(TrainConfig, SparkSession, boolean, PrintStream)}, used by the Spark ML estimator). A minibatch whose
 * loss or gradient is not finite is skipped (metric {@code skipped_updates}); {@code optim.max-nonfinite-steps} in a
 * row, or a failed write of metrics, trajectories or a checkpoint, stop the run with a one-line
 * {@link RunStoppedException} (after non-finite updates, with a checkpoint of the last good state).
 */
public final class SparkTrainer {

    private static final Logger LOG = LoggerFactory.getLogger(SparkTrainer.class);

    private SparkTrainer() {}

    /**
     * Runs (or resumes) a training run.
     *
     * @param masterOverride Spark master from the command line, or null (spark-submit's, else the config's)
     * @param resume continue from the newest complete checkpoint when one exists
     */
    public static TrainSummary run(TrainConfig config, String masterOverride, boolean resume, PrintStream progress)
            throws IOException {
        return run(config, () -> session(config, masterOverride), true, resume, progress);
    }

    /**
     * Runs (or resumes) a training run in {@code spark}, which stays running afterwards ({@code spark.master} of the
     * config is not used).
     *
     * @param resume continue from the newest complete checkpoint when one exists
     */
    public static TrainSummary runIn(TrainConfig config, SparkSession spark, boolean resume, PrintStream progress)
            throws IOException {
        return run(config, () -> spark, false, resume, progress);
    }

    private static TrainSummary run(TrainConfig config, Supplier<SparkSession> sessions, boolean stopSession,
            boolean resume, PrintStream progress) throws IOException {
        Path runDir = RunDirectory.prepare(config);
        if (!runDir.equals(config.run().dir())) {
            progress.printf("run.dir %s resolves to %s%n", config.run().dir(), runDir);
        }
        try (TrainingSetup setup = TrainingSetup.create(config)) {
            setup.suite().dataset().ifPresent(d -> progress.println(DatasetReport.write(runDir, d)));
            CheckpointStore checkpoints = CheckpointStore.at(runDir.resolve("checkpoints"), setup.tokenizerSource());
            long first = 1;
            long cursor = 0;
            Optional<Path> latest = resume ? checkpoints.latest() : Optional.empty();
            if (latest.isPresent()) {
                TrainerState state = CheckpointStore.restore(latest.get(), setup.policy(), setup.optimizer());
                first = state.step() + 1;
                cursor = state.dataCursor().epoch() * setup.schedule().poolSize() + state.dataCursor().offset();
                progress.printf("resuming from %s (iteration %d done)%n", latest.get(), state.step());
            } else if (!checkpoints.completeCheckpoints().isEmpty()) {
                throw new IllegalArgumentException(runDir + " already holds checkpoints: pass --resume auto to "
                        + "continue it, or choose another run.dir");
            }
            checkpoints.removeUnfinished();
            SparkSession spark = sessions.get();
            try {
                TrainSummary summary = loop(config, setup, spark, checkpoints, runDir, first, cursor, progress);
                report(spark, runDir, progress);
                return summary;
            } finally {
                if (stopSession) {
                    spark.stop();
                }
            }
        }
    }

    private static TrainSummary loop(TrainConfig config, TrainingSetup setup, SparkSession spark,
            CheckpointStore checkpoints, Path runDir, long first, long cursorStart, PrintStream progress)
            throws IOException {
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        JobSpec spec = JobSpec.of(config, setup.policy().config(),
                setup.tokenizerSource() == null ? null : setup.tokenizerSource().toString());
        String runId = UUID.randomUUID().toString();
        Broadcast<WeightsPayload> rewardReference = setup.rewardReference().isEmpty() ? null
                : jsc.broadcast(WeightsPayload.of(setup.rewardReference().get(), runId + "/reward-reference", 0,
                        runDir.resolve("weights").resolve("reward-reference"), setup.tokenizerSource()));
        MetricsLog metrics = new MetricsLog(runDir.resolve("metrics.jsonl"));
        List<Task> evalTasks = config.task().evalEvery() > 0
                ? setup.suite().tasks(Split.TEST, config.task().evalSize(), config.run().seed()) : List.of();
        double evalBefore = evalTasks.isEmpty() ? Double.NaN : evaluate(setup, evalTasks);
        if (!evalTasks.isEmpty()) {
            progress.printf(Locale.ROOT, "held-out accuracy before iteration %d: %.3f%n", first, evalBefore);
        }
        double evalAfter = evalBefore;
        long[] cursor = {cursorStart};
        Broadcast<WeightsPayload> previous = null;
        int partitions = jsc.defaultParallelism();
        long last = first - 1;
        DataParallelGradients parallel = config.update().mode() == UpdateMode.DATA_PARALLEL
                ? new DataParallelGradients(jsc, spec, setup, runId, runDir.resolve("weights"), partitions) : null;
        PolicyUpdate policyUpdate = parallel == null ? setup.update() : setup.update().withGradients(parallel);
        try (SparkIteration phases = new SparkIteration(spark, spec, setup.schedule(),
                runDir.resolve("trajectories").toString(), rewardReference)) {
            for (long it = first; it <= config.run().iterations(); it++) {
                long t0 = System.nanoTime();
                jsc.setJobDescription("iteration " + it + ": broadcast weights v" + (it - 1));
                Broadcast<WeightsPayload> weights = jsc.broadcast(WeightsPayload.of(setup.policy(), runId, it - 1,
                        runDir.resolve("weights"), setup.tokenizerSource()));
                if (previous != null) {
                    previous.destroy();
                }
                previous = weights;
                IterationOutcome outcome = phases.run(it, weights, cursor, config.task().promptsPerIteration(),
                        partitions);
                long t1 = System.nanoTime();
                UpdateMetrics update;
                try {
                    update = policyUpdate.run(outcome.rows(), config.run().seed() * 1_000_003L + it);
                } catch (NonFiniteUpdateException e) {
                    Path saved = Files.exists(checkpoints.directoryFor(it)) ? checkpoints.directoryFor(it)
                            : checkpoint(config, setup, checkpoints, it, cursor[0]);
                    throw new RunStoppedException("iteration " + it + ": " + e.getMessage() + "; last good state in "
                            + saved, e);
                }
                long t2 = System.nanoTime();
                double eval = Double.NaN;
                if (!evalTasks.isEmpty() && (it % config.task().evalEvery() == 0 || it == config.run().iterations())) {
                    eval = evaluate(setup, evalTasks);
                    evalAfter = eval;
                }
                phases.awaitTrajectories();
                if (config.checkpoint().every() > 0 && (it % config.checkpoint().every() == 0
                        || it == config.run().iterations())) {
                    checkpoint(config, setup, checkpoints, it, cursor[0]);
                }
                long t3 = System.nanoTime();
                Map<String, Object> row = row(it, outcome, update, eval, t0, t1, t2, t3);
                ResourceUsage.sample(spark.sparkContext()).putInto(row);
                metrics.append(row);
                progress.printf(Locale.ROOT, "iter %d/%d  reward %.3f  acc %.3f  tools %.2f  tokens %d  loss %.4f  "
                        + "clip %.3f  kl %.4f%s  %.1fs%n", it, config.run().iterations(), outcome.meanReward(),
                        outcome.accuracy(), outcome.meanToolCalls(), outcome.sampledTokens(), update.loss(),
                        update.clipFraction(), update.approxKl(),
                        Double.isNaN(eval) ? "" : String.format(Locale.ROOT, "  held-out %.3f", eval), (t3 - t0) / 1e9);
                last = it;
            }
        } finally {
            if (previous != null) {
                previous.destroy();
            }
            if (rewardReference != null) {
                rewardReference.destroy();
            }
            if (parallel != null) {
                parallel.close();
            }
        }
        Path finalWeights = checkpoints.latest().orElse(null);
        return new TrainSummary(runDir, first, last, evalBefore, evalAfter, finalWeights);
    }

    /** Writes the run report; a failure is logged and printed, never thrown: the run itself has finished. */
    static void report(SparkSession spark, Path runDir, PrintStream progress) {
        try {
            progress.println("report: " + RunReport.write(spark, runDir));
        } catch (Exception | LinkageError | AWTError | InternalError e) {
            // Spark throws checked exceptions undeclared; plotting needs AWT (headless), whose missing native
            // libraries or fonts surface as errors
            LOG.error("the run finished, but its report could not be written ({})", runDir, e);
            progress.println("report: FAILED (the run itself finished): " + e);
        }
    }

    /** Saves the policy, optimizer and data cursor after iteration {@code it}; a failed write stops the run. */
    private static Path checkpoint(TrainConfig config, TrainingSetup setup, CheckpointStore checkpoints, long it,
            long cursor) {
        long pool = setup.schedule().poolSize();
        String resolved = config.toYaml();
        try {
            return checkpoints.save(setup.policy(), setup.optimizer(), new TrainerState(it,
                    setup.optimizer().stepCount(), setup.optimizer().stepCount(),
                    new DataCursor(cursor / pool, (int) (cursor % pool)), config.run().seed(),
                    Integer.toHexString(resolved.hashCode())), Map.of("config.yaml", resolved));
        } catch (IOException e) {
            throw RunStoppedException.cannotWrite("checkpoint", checkpoints.directoryFor(it), e);
        }
    }

    private static double evaluate(TrainingSetup setup, List<Task> tasks) {
        return setup.evaluator().evaluate(tasks, 0, n -> { }).accuracy();
    }

    private static Map<String, Object> row(long it, IterationOutcome o, UpdateMetrics u, double eval, long t0,
            long t1, long t2, long t3) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("iteration", it);
        row.put("prompts", o.prompts());
        row.put("trajectories", o.trajectories());
        row.put("reward", o.meanReward());
        row.put("accuracy", o.accuracy());
        row.put("format_valid", o.formatValid());
        row.put("tool_calls", o.meanToolCalls());
        row.put("tool_errors", o.toolErrors());
        row.put("tool_timeouts", o.toolTimeouts());
        row.put("sampled_tokens", o.sampledTokens());
        row.put("loss", u.loss());
        row.put("entropy", u.entropy());
        row.put("clip_fraction", u.clipFraction());
        row.put("approx_kl", u.approxKl());
        row.put("grad_norm", u.gradNorm());
        row.put("optimizer_steps", u.steps());
        row.put("skipped_updates", u.skippedSteps());
        row.put("held_out_accuracy", eval);
        row.put("weight_loads_per_jvm_max", o.maxWeightLoads());
        row.put("executors", o.executors());
        row.put("broadcast_bytes", o.broadcastBytes());
        row.put("rollout_seconds", o.rolloutSeconds());
        row.put("rollout_compute_seconds", o.rolloutComputeSeconds());
        row.put("advantage_seconds", o.advantageSeconds());
        row.put("update_seconds", (t2 - t1) / 1e9);
        row.put("iteration_seconds", (t3 - t0) / 1e9);
        return row;
    }

    /**
     * Caps what the driver's status store (behind the UI and the REST API) keeps of finished work at about the last
     * ten iterations: an iteration runs some 10 jobs, 15 stages and 2 SQL executions, and with Spark's defaults
     * (1000 of each) the store grew the driver heap by about 0.6 MiB per iteration for hundreds of iterations
     * (LoadIT). Settings given to Spark ({@code --conf}) take precedence.
     */
    static void retainRecentIterations(SparkConf conf) {
        conf.setIfMissing("spark.ui.retainedJobs", "100");
        conf.setIfMissing("spark.ui.retainedStages", "150");
        conf.setIfMissing("spark.sql.ui.retainedExecutions", "20");
    }

    private static SparkSession session(TrainConfig config, String masterOverride) {
        SparkConf conf = new SparkConf().setAppName("cleave train");
        if (masterOverride != null) {
            conf.setMaster(masterOverride);
        } else if (!conf.contains("spark.master")) {
            conf.setMaster(config.spark().master());
        }
        conf.setIfMissing("spark.ui.showConsoleProgress", "false");
        conf.setIfMissing("spark.sql.shuffle.partitions", "4");
        // an iteration's advantage query shuffles a few hundred rows: adaptive execution's one job per query stage
        // cost more wall time than its re-planning could save (0.2-0.3 s of the phase on 2 cores)
        conf.setIfMissing("spark.sql.adaptive.enabled", "false");
        retainRecentIterations(conf);
        CleaveKryoRegistrator.configure(conf, true);
        return SparkSession.builder().config(conf).getOrCreate();
    }
}
