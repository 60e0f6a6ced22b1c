package io.cleave.spark.job;

import static org.apache.spark.sql.functions.col;

import io.cleave.algo.advantage.AdvantageEstimators;
import io.cleave.algo.advantage.AdvantagesRequest;
import io.cleave.cli.UserException;
import io.cleave.spark.advantage.SparkAdvantages;
import io.cleave.spark.kryo.CleaveKryoRegistrator;
import io.cleave.spark.rows.TrajectoryRow;
import io.cleave.spark.rows.TrajectoryRows;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Spark application: per-token advantages of a batch in the advantages JSON format, computed with
 * {@link SparkAdvantages} on the cluster and written as JSON lines.
 *
 * <pre>
 *   spark-submit --class io.cleave.spark.job.AdvantagesJob cleave.jar [--estimator gpg-prefix] BATCH.json OUT_DIR
 * </pre>
 * {@code OUT_DIR} (which must not exist) receives one {@code part-*.json} file with one line per trajectory,
 * ordered by group id then sample index: {@code {"promptId": ..., "sampleIndex": ..., "reward": ...,
 * "advantages": [...]}}. Without a master from {@code spark-submit} it runs on {@code local[*]}. Bad input (missing
 * or malformed file, unknown estimator, existing output) prints one {@code error: } line naming it and exits with
 * code 2 before Spark starts. Kryo with {@link CleaveKryoRegistrator} is the serializer unless {@code spark.serializer}
 * is set.
 */
@Command(name = "advantages-job", mixinStandardHelpOptions = true,
        description = "Per-token advantages of an advantages-JSON batch, computed on Spark with core's estimators.")
public final class AdvantagesJob implements Callable<Integer> {

    /** Exit code of user errors. */
    public static final int USER_ERROR = 2;

    private static final Logger LOG = LoggerFactory.getLogger(AdvantagesJob.class);

    @Parameters(index = "0", paramLabel = "BATCH.json", description = "Batch in the advantages JSON format.")
    private Path input;

    @Parameters(index = "1", paramLabel = "OUT_DIR", description = "Output directory; must not exist.")
    private Path output;

    @Option(names = "--estimator", defaultValue = "gpg-prefix",
            description = "Advantage estimator (default: ${DEFAULT-VALUE}).")
    private String estimator;

    private AdvantagesJob() {}

    /** Runs the job; exits with code 2 on a user error, 1 on a failure. */
    public static void main(String[] args) {
        int code = run(new PrintWriter(System.err, true, StandardCharsets.UTF_8), args);
        if (code != 0) {
            System.exit(code);
        }
    }

    /** Runs the job and returns its exit status; user errors print one {@code error: } line to {@code err}. */
    public static int run(PrintWriter err, String... args) {
        CommandLine cli = new CommandLine(new AdvantagesJob());
        cli.setErr(err);
        cli.setExecutionExceptionHandler((e, commandLine, parsed) -> {
            if (e instanceof UserException || e instanceof IllegalArgumentException) {
                err.println("error: " + e.getMessage());
                err.flush();
                return USER_ERROR;
            }
            throw e;
        });
        return cli.execute(args);
    }

    @Override
    public Integer call() {
        String name = AdvantageEstimators.get(estimator).name();
        AdvantagesRequest request = AdvantagesBatchFile.read(input);
        if (Files.exists(output)) {
            throw new UserException(output + ": output directory already exists");
        }
        SparkConf conf = new SparkConf();
        if (!conf.contains("spark.serializer")) {
            CleaveKryoRegistrator.configure(conf, false);
        }
        if (!conf.contains("spark.master")) {
            conf.setMaster("local[*]");
        }
        SparkSession spark = SparkSession.builder().appName("cleave-advantages").config(conf).getOrCreate();
        try {
            long written = write(spark, request, name, output);
            LOG.info("{}: wrote {} advantages of {} trajectories to {}", input, name, written, output);
        } finally {
            spark.stop();
        }
        return 0;
    }

    /**
     * Computes the batch's advantages with {@code spark} and writes them under {@code output}.
     *
     * @return the number of trajectories written
     */
    public static long write(SparkSession spark, AdvantagesRequest request, String estimator, Path output) {
        List<TrajectoryRow> rows = TrajectoryRows.fromRequest(0, request);
        Dataset<TrajectoryRow> trajectories = spark.createDataset(rows, Encoders.bean(TrajectoryRow.class));
        Dataset<Row> scored = SparkAdvantages.compute(trajectories, estimator, request.input().klCoef())
                .select(col(TrajectoryRow.PROMPT_ID), col(TrajectoryRow.SAMPLE_INDEX), col(TrajectoryRow.REWARD),
                        col(SparkAdvantages.ADVANTAGES))
                .orderBy(col(TrajectoryRow.PROMPT_ID), col(TrajectoryRow.SAMPLE_INDEX))
                .coalesce(1);
        scored.write().json(output.toUri().toString());
        return rows.size();
    }
}
