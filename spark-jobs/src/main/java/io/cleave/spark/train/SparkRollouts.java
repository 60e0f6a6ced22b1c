package io.cleave.spark.train;

import io.cleave.rollout.engine.PromptSpec;
import io.cleave.spark.advantage.SparkAdvantages;
import io.cleave.spark.executor.JobSpec;
import io.cleave.spark.executor.PromptBatch;
import io.cleave.spark.executor.PromptTask;
import io.cleave.spark.executor.RolloutPartition;
import io.cleave.spark.executor.RolloutRecord;
import io.cleave.spark.executor.RolloutSummary;
import io.cleave.spark.executor.WeightsPayload;
import io.cleave.spark.rows.TrajectoryRow;
import io.cleave.train.metrics.ExecutorStats;
import io.cleave.train.metrics.ResourceUsage;
import io.cleave.train.metrics.TrajectoryStats;
import io.cleave.train.rl.PromptGroup;
import io.cleave.train.rl.RolloutBackend;
import io.cleave.train.rl.TrainingSetup;
import io.cleave.train.run.RunStoppedException;
import io.cleave.train.update.TrainingSequence;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;

/**
 * The Spark job's rollout back-end: each iteration's weights go out as a new broadcast version (the previous one
 * destroyed); each round's prompt batches are parallelized one per partition and rolled out on the executors
 * ({@code mapPartitions} with {@link RolloutPartition}, the trajectories kept there, persisted), and only small
 * per-trajectory summaries come back for dynamic sampling and the metrics; the kept trajectories are grouped by
 * prompt for their advantages by Spark SQL, collected as training sequences for the driver's update, and appended to
 * Parquet in the background while the driver updates ({@link TrajectoryWriter}). Job descriptions name the
 * iteration and phase, so the Spark UI reads like the training loop.
 */
final class SparkRollouts implements RolloutBackend {

    /** Parquet column with the prompt's token ids. */
    static final String PROMPT_TOKENS = "promptTokens";

    private final SparkSession spark;
    private final JavaSparkContext jsc;
    private final JobSpec spec;
    private final TrainingSetup setup;
    private final String runId;
    private final Path weightsDir;
    private final int partitions;
    private final TrajectoryWriter writer;
    private final Broadcast<WeightsPayload> rewardReference;
    private Broadcast<WeightsPayload> weights;
    private final List<JavaRDD<RolloutRecord>> rounds = new ArrayList<>();
    private final Set<String> executors = new HashSet<>();
    private long maxLoads;
    private double computeSeconds;

    /**
     * @param runId identity of this run of the job (executor caches key on it)
     * @param runDir the run directory: trajectories go to {@code trajectories/}, weights too large to broadcast to
     *     {@code weights/}
     * @param partitions batches per round, one partition each
     */
    SparkRollouts(SparkSession spark, JobSpec spec, TrainingSetup setup, String runId, Path runDir, int partitions)
            throws IOException {
        this.spark = spark;
        this.jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        this.spec = spec;
        this.setup = setup;
        this.runId = runId;
        this.weightsDir = runDir.resolve("weights");
        this.partitions = partitions;
        this.rewardReference = setup.rewardReference().isEmpty() ? null
                : jsc.broadcast(WeightsPayload.of(setup.rewardReference().get(), runId + "/reward-reference", 0,
                        weightsDir.resolve("reward-reference"), setup.tokenizerSource()));
        this.writer = new TrajectoryWriter(jsc, runDir.resolve("trajectories").toString());
    }

    @Override
    public int batchesPerRound() {
        return partitions;
    }

    /** Broadcasts the policy's weights as version {@code iteration - 1}, destroying the previous version's. */
    @Override
    public void startIteration(long iteration) {
        jsc.setJobDescription("iteration " + iteration + ": broadcast weights v" + (iteration - 1));
        WeightsPayload payload;
        try {
            payload = WeightsPayload.of(setup.policy(), runId, iteration - 1, weightsDir, setup.tokenizerSource());
        } catch (IOException e) {
            throw RunStoppedException.cannotWrite("weights to", weightsDir, e);
        }
        Broadcast<WeightsPayload> next = jsc.broadcast(payload);
        if (weights != null) {
            weights.destroy();
        }
        weights = next;
        rounds.clear();
        executors.clear();
        maxLoads = 0;
        computeSeconds = 0;
    }

    @Override
    public List<PromptGroup> rollout(long iteration, int round, List<List<PromptSpec>> batches) {
        List<PromptBatch> tasks = new ArrayList<>();
        List<PromptSpec> prompts = new ArrayList<>();
        for (List<PromptSpec> batch : batches) {
            List<PromptTask> batchTasks = new ArrayList<>();
            for (PromptSpec p : batch) {
                batchTasks.add(PromptTask.of(prompts.size(), p));
                prompts.add(p);
            }
            tasks.add(PromptBatch.of(batchTasks));
        }
        jsc.setJobDescription("iteration " + iteration + ": rollout (round " + (round + 1) + ")");
        JavaRDD<RolloutRecord> records = jsc.parallelize(tasks, tasks.size())
                .mapPartitions(new RolloutPartition(spec, weights, rewardReference, iteration))
                .persist(StorageLevel.MEMORY_AND_DISK());
        rounds.add(records);
        List<RolloutSummary> summaries = records.map(RolloutSummary::of).collect();
        List<List<TrajectoryStats>> byPrompt = new ArrayList<>();
        prompts.forEach(p -> byPrompt.add(new ArrayList<>()));
        Map<Integer, RolloutSummary> partitionsSeen = new HashMap<>();
        for (RolloutSummary r : summaries) {
            byPrompt.get(r.order()).add(r.stats());
            partitionsSeen.putIfAbsent(r.partition(), r);
            maxLoads = Math.max(maxLoads, r.weightLoads());
            executors.add(r.executor());
        }
        computeSeconds += criticalPath(partitionsSeen.values());
        List<PromptGroup> groups = new ArrayList<>();
        for (int i = 0; i < prompts.size(); i++) {
            groups.add(new PromptGroup(prompts.get(i), byPrompt.get(i)));
        }
        return groups;
    }

    /**
     * Advantages by Spark SQL over the kept prompts' trajectories, collected as training sequences in the order of
     * {@code kept}; the trajectories with their advantages are then appended to Parquet by the
     * {@link TrajectoryWriter}, while the driver updates. The rounds' persisted rollouts are released.
     */
    @Override
    public List<TrainingSequence> advantages(long iteration, List<PromptSpec> kept) {
        try {
            if (kept.isEmpty()) {
                return List.of();
            }
            Set<String> keep = new HashSet<>();
            kept.forEach(p -> keep.add(p.promptId()));
            JavaRDD<TrajectoryRow> keptRows = null;
            for (JavaRDD<RolloutRecord> records : rounds) {
                JavaRDD<TrajectoryRow> rows = records.filter(r -> keep.contains(r.row().getPromptId()))
                        .map(RolloutRecord::row);
                keptRows = keptRows == null ? rows : keptRows.union(rows);
            }
            return advantages(iteration, kept, keptRows);
        } finally {
            rounds.forEach(JavaRDD::unpersist);
            rounds.clear();
        }
    }

    private List<TrainingSequence> advantages(long iteration, List<PromptSpec> kept,
            JavaRDD<TrajectoryRow> trajectoryRows) {
        jsc.setJobDescription("iteration " + iteration + ": advantages (Spark SQL), rows for the update");
        Dataset<TrajectoryRow> trajectories = spark.createDataset(trajectoryRows.rdd(),
                Encoders.bean(TrajectoryRow.class));
        Dataset<Row> withAdvantages = SparkAdvantages.compute(trajectories, spec.algorithmConfig().estimator(),
                spec.algorithmConfig().rewardKlCoef()).persist(StorageLevel.MEMORY_AND_DISK());
        List<Row> collected;
        try {
            collected = withAdvantages.select(TrajectoryRow.PROMPT_ID, TrajectoryRow.SAMPLE_INDEX,
                    TrajectoryRow.TOKENS, TrajectoryRow.POLICY_MASK, TrajectoryRow.OLD_LOGP, TrajectoryRow.TOKEN_NODE,
                    SparkAdvantages.ADVANTAGES).collectAsList();
        } catch (Exception e) {
            // Spark also throws checked exceptions undeclared; rethrown as they came
            withAdvantages.unpersist();
            throw e;
        }
        writer.submit(iteration, withAdvantages.join(promptTable(kept), TrajectoryRow.PROMPT_ID)
                .withColumn("iteration", functions.lit((int) iteration)), withAdvantages);
        return CollectedSequences.ordered(kept, collected);
    }

    /** Waits until every iteration's trajectories are in the Parquet table ({@link TrajectoryWriter#await}). */
    @Override
    public void awaitWrites() {
        writer.await();
    }

    @Override
    public ExecutorStats executorStats() {
        return new ExecutorStats(maxLoads, executors.size(), weights.value().bytes());
    }

    @Override
    public double rolloutComputeSeconds() {
        return computeSeconds;
    }

    @Override
    public ResourceUsage resources() {
        return SparkResources.sample(spark.sparkContext());
    }

    /** Waits for the trajectories still being written, stops the writer's thread and destroys the broadcasts. */
    @Override
    public void close() {
        try {
            writer.close();
        } finally {
            rounds.forEach(JavaRDD::unpersist);
            if (weights != null) {
                weights.destroy();
            }
            if (rewardReference != null) {
                rewardReference.destroy();
            }
        }
    }

    /** The kept prompts' token ids, as {@code (promptId, promptTokens)}, joined into the Parquet rows. */
    private Dataset<Row> promptTable(List<PromptSpec> kept) {
        List<Row> rows = new ArrayList<>();
        for (PromptSpec p : kept) {
            rows.add(RowFactory.create(p.promptId(), Arrays.stream(p.promptTokens()).boxed().toList()));
        }
        StructType schema = new StructType().add(TrajectoryRow.PROMPT_ID, DataTypes.StringType)
                .add(PROMPT_TOKENS, DataTypes.createArrayType(DataTypes.IntegerType));
        return spark.createDataFrame(rows, schema);
    }

    /**
     * The rollout compute on the critical path: per executor JVM, the sum of its partitions' own times (they ran one
     * after another on its slot), then the slowest executor.
     */
    private static double criticalPath(Iterable<RolloutSummary> onePerPartition) {
        Map<String, Double> perExecutor = new HashMap<>();
        for (RolloutSummary r : onePerPartition) {
            perExecutor.merge(r.executor(), r.partitionSeconds(), Double::sum);
        }
        return perExecutor.values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
    }
}
