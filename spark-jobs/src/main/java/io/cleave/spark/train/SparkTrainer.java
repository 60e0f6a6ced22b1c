package io.cleave.spark.train;

import io.cleave.report.RunReport;
import io.cleave.spark.executor.JobSpec;
import io.cleave.spark.kryo.CleaveKryoRegistrator;
import io.cleave.train.checkpoint.CheckpointStore;
import io.cleave.train.config.TrainConfig;
import io.cleave.train.config.UpdateMode;
import io.cleave.train.rl.MetricsLog;
import io.cleave.train.rl.ProgressLines;
import io.cleave.train.rl.RunCheckpoints;
import io.cleave.train.rl.RunResult;
import io.cleave.train.rl.RunStart;
import io.cleave.train.rl.TrainingListener;
import io.cleave.train.rl.TrainingLoop;
import io.cleave.train.rl.TrainingSetup;
import io.cleave.train.run.DatasetReport;
import io.cleave.train.run.RunStoppedException;
import io.cleave.train.update.PolicyUpdate;
import java.awt.AWTError;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The driver of the Spark training job: the {@link TrainingLoop} with the Spark rollout back-end
 * ({@link SparkRollouts}: weights broadcast per version, rollouts on executors, advantages by Spark SQL, trajectories
 * to Parquet) and the policy update on the driver, or with {@code update.mode=data-parallel} gradients computed on
 * executors and summed on the driver by {@link DataParallelGradients} (AdamW steps on the driver either way). Each
 * iteration appends a row to {@code metrics.jsonl} ({@link MetricsLog}) and a progress line
 * ({@link ProgressLines}); checkpoints go to {@code checkpoints/}, and {@code resume} continues from the newest
 * complete one. Before the first iteration, a suite that read a data file has its accepted and rejected rows
 * written to the run directory ({@link DatasetReport}) and counted in the progress. At the end it writes the run
 * report ({@link RunReport}); a report failure is logged and does not fail the run. The job runs in a session it
 * creates and stops ({@link #run(TrainConfig, String, boolean, PrintStream)}) or in the caller's session, left
 * running ({@link #runIn(TrainConfig, SparkSession, boolean, Consumer)}, used by the Spark ML estimator). A run
 * stops with a one-line {@link RunStoppedException} after {@code optim.max-nonfinite-steps} non-finite minibatches
 * in a row (with a checkpoint of the last good state) or a failed write of metrics, trajectories or a checkpoint.
 */
public final class SparkTrainer {

    private static final Logger LOG = LoggerFactory.getLogger(SparkTrainer.class);

    private SparkTrainer() {}

    /**
     * Runs (or resumes) a training run, printing its progress.
     *
     * @param masterOverride Spark master from the command line, or null (spark-submit's, else the config's)
     * @param resume continue from the newest complete checkpoint when one exists
     */
    public static TrainSummary run(TrainConfig config, String masterOverride, boolean resume, PrintStream progress)
            throws IOException {
        return run(config, () -> session(config, masterOverride), true, resume, progress::println);
    }

    /**
     * Runs (or resumes) a training run in {@code spark}, which stays running afterwards ({@code spark.master} of the
     * config is not used).
     *
     * @param resume continue from the newest complete checkpoint when one exists
     * @param progress receives the progress lines
     */
    public static TrainSummary runIn(TrainConfig config, SparkSession spark, boolean resume,
            Consumer<String> progress) throws IOException {
        return run(config, () -> spark, false, resume, progress);
    }

    private static TrainSummary run(TrainConfig config, Supplier<SparkSession> sessions, boolean stopSession,
            boolean resume, Consumer<String> progress) throws IOException {
        Path runDir = RunDirectory.prepare(config);
        if (!runDir.equals(config.run().dir())) {
            progress.accept("run.dir " + config.run().dir() + " resolves to " + runDir);
        }
        try (TrainingSetup setup = TrainingSetup.create(config)) {
            setup.suite().dataset().ifPresent(d -> progress.accept(DatasetReport.write(runDir, d)));
            RunCheckpoints checkpoints = new RunCheckpoints(setup,
                    CheckpointStore.at(runDir.resolve("checkpoints"), setup.tokenizerSource()));
            RunStart start = checkpoints.start(resume);
            SparkSession spark = sessions.get();
            try {
                TrainSummary summary = train(setup, spark, checkpoints, start, runDir, progress);
                report(spark, runDir, progress);
                return summary;
            } finally {
                if (stopSession) {
                    spark.stop();
                }
            }
        }
    }

    private static TrainSummary train(TrainingSetup setup, SparkSession spark, RunCheckpoints checkpoints,
            RunStart start, Path runDir, Consumer<String> progress) throws IOException {
        TrainConfig config = setup.config();
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        JobSpec spec = JobSpec.of(config, setup.policy().config(),
                setup.tokenizerSource() == null ? null : setup.tokenizerSource().toString());
        String runId = UUID.randomUUID().toString();
        int partitions = jsc.defaultParallelism();
        DataParallelGradients parallel = config.update().mode() == UpdateMode.DATA_PARALLEL
                ? new DataParallelGradients(jsc, spec, setup, runId, runDir.resolve("weights"), partitions) : null;
        try (SparkRollouts rollouts = new SparkRollouts(spark, spec, setup, runId, runDir, partitions)) {
            PolicyUpdate update = parallel == null ? setup.update() : setup.update().withGradients(parallel);
            TrainingListener listener = TrainingListener.all(new MetricsLog(runDir.resolve("metrics.jsonl")),
                    new ProgressLines(progress, config.run().iterations()));
            RunResult result = new TrainingLoop(setup, rollouts, update, Optional.of(checkpoints), listener)
                    .run(start);
            return new TrainSummary(runDir, result.firstIteration(), result.lastIteration(), result.heldOutBefore(),
                    result.heldOutAfter(), checkpoints.latest().orElse(null));
        } finally {
            if (parallel != null) {
                parallel.close();
            }
        }
    }

    /** Writes the run report; a failure is logged and reported in the progress, never thrown: the run finished. */
    static void report(SparkSession spark, Path runDir, Consumer<String> progress) {
        try {
            progress.accept("report: " + RunReport.write(spark, runDir));
        } catch (Exception | LinkageError | AWTError | InternalError e) {
            // Spark throws checked exceptions undeclared; plotting needs AWT (headless), whose missing native
            // libraries or fonts surface as errors
            LOG.error("the run finished, but its report could not be written ({})", runDir, e);
            progress.accept("report: FAILED (the run itself finished): " + e);
        }
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
