package io.cleave.spark.train;

import io.cleave.rollout.engine.PromptSpec;
import io.cleave.spark.advantage.SparkAdvantages;
import io.cleave.spark.executor.JobSpec;
import io.cleave.spark.executor.PromptTask;
import io.cleave.spark.executor.RolloutPartition;
import io.cleave.spark.executor.RolloutRecord;
import io.cleave.spark.executor.RolloutSummary;
import io.cleave.spark.executor.WeightsPayload;
import io.cleave.spark.rows.TrajectoryRow;
import io.cleave.train.rl.PromptSchedule;
import io.cleave.train.update.TrainingSequence;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
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
 * The Spark phases of one training iteration: prompts fanned out over executors ({@code mapPartitions}, one
 * batched rollout per partition, kept on the executors), dynamic-sampling rounds decided from small per-trajectory
 * summaries (never the trajectories themselves), advantages by Spark SQL over the shared-prefix groups, the
 * training rows collected for the driver's update, and trajectories appended to Parquet in the background while
 * the driver updates (wait with {@link #awaitTrajectories()}; {@link #close()} waits too). Job descriptions
 * name the iteration and phase, so the Spark UI reads like the training loop.
 */
final class SparkIteration implements AutoCloseable {

    /** Parquet column with the prompt's token ids. */
    static final String PROMPT_TOKENS = "promptTokens";

    private final SparkSession spark;
    private final JavaSparkContext jsc;
    private final JobSpec spec;
    private final PromptSchedule schedule;
    private final TrajectoryWriter writer;
    private final Broadcast<WeightsPayload> rewardReference;

    /** @param rewardReference the frozen reference of a KL penalty in the reward, or null without one */
    SparkIteration(SparkSession spark, JobSpec spec, PromptSchedule schedule, String trajectoriesPath,
            Broadcast<WeightsPayload> rewardReference) {
        this.spark = spark;
        this.jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        this.spec = spec;
        this.schedule = schedule;
        this.writer = new TrajectoryWriter(jsc, trajectoriesPath);
        this.rewardReference = rewardReference;
    }

    /**
     * Runs rollout and advantage phases of iteration {@code iteration} for {@code promptCount} prompts from
     * {@code cursor[0]} (advanced past every prompt used).
     */
    IterationOutcome run(long iteration, Broadcast<WeightsPayload> weights, long[] cursor, int promptCount,
            int partitions) {
        var algorithm = spec.algorithmConfig();
        long t0 = System.nanoTime();
        int rounds = algorithm.dynamicSampling() ? algorithm.dynamicSamplingMaxRounds() : 1;
        List<PromptSpec> kept = new ArrayList<>();
        List<RolloutSummary> keptSummaries = new ArrayList<>();
        List<JavaRDD<RolloutRecord>> roundRecords = new ArrayList<>();
        JavaRDD<TrajectoryRow> keptRows = null;
        long sampled = 0;
        long maxLoads = 0;
        double computeSeconds = 0;
        Set<String> executors = new HashSet<>();
        for (int round = 0; round < rounds && kept.size() < promptCount; round++) {
            List<PromptSpec> prompts = schedule.batch(cursor[0], promptCount - kept.size());
            cursor[0] += prompts.size();
            List<PromptTask> tasks = new ArrayList<>();
            for (int i = 0; i < prompts.size(); i++) {
                tasks.add(PromptTask.of(i, prompts.get(i)));
            }
            jsc.setJobDescription("iteration " + iteration + ": rollout (round " + (round + 1) + ")");
            JavaRDD<RolloutRecord> records = jsc.parallelize(tasks, Math.min(partitions, tasks.size()))
                    .mapPartitions(new RolloutPartition(spec, weights, rewardReference, iteration))
                    .persist(StorageLevel.MEMORY_AND_DISK());
            roundRecords.add(records);
            List<RolloutSummary> summaries = records.map(RolloutSummary::of).collect();
            Map<Integer, double[]> rewardRange = new HashMap<>();
            Map<Integer, RolloutSummary> partitionsSeen = new HashMap<>();
            for (RolloutSummary r : summaries) {
                partitionsSeen.putIfAbsent(r.partition(), r);
                sampled += r.sampledTokens();
                maxLoads = Math.max(maxLoads, r.weightLoads());
                executors.add(r.executor());
                rewardRange.merge(r.order(), new double[] {r.reward(), r.reward()},
                        (a, b) -> new double[] {Math.min(a[0], b[0]), Math.max(a[1], b[1])});
            }
            computeSeconds += criticalPath(partitionsSeen.values());
            HashSet<String> keep = new HashSet<>();
            Set<Integer> keptOrders = new HashSet<>();
            for (int i = 0; i < prompts.size(); i++) {
                double[] range = rewardRange.get(i);
                if (!algorithm.dynamicSampling() || range[0] < range[1]) {
                    keep.add(prompts.get(i).promptId());
                    keptOrders.add(i);
                    kept.add(prompts.get(i));
                }
            }
            summaries.stream().filter(r -> keptOrders.contains(r.order())).forEach(keptSummaries::add);
            JavaRDD<TrajectoryRow> rows = records.filter(r -> keep.contains(r.row().getPromptId()))
                    .map(RolloutRecord::row);
            keptRows = keptRows == null ? rows : keptRows.union(rows);
        }
        long t1 = System.nanoTime();
        List<TrainingSequence> rows = keptRows == null ? List.of() : advantages(iteration, kept, keptRows);
        roundRecords.forEach(JavaRDD::unpersist);
        long t2 = System.nanoTime();
        int n = Math.max(1, keptSummaries.size());
        return new IterationOutcome(rows, kept.size(), keptSummaries.size(),
                keptSummaries.stream().mapToDouble(RolloutSummary::reward).sum() / n,
                keptSummaries.stream().filter(RolloutSummary::correct).count() / (double) n,
                keptSummaries.stream().filter(RolloutSummary::formatValid).count() / (double) n,
                keptSummaries.stream().mapToInt(RolloutSummary::toolCalls).sum() / (double) n,
                keptSummaries.stream().mapToInt(RolloutSummary::toolErrors).sum(),
                keptSummaries.stream().mapToInt(RolloutSummary::toolTimeouts).sum(), sampled, maxLoads,
                executors.size(), weights.value().bytes(), (t1 - t0) / 1e9, computeSeconds, (t2 - t1) / 1e9);
    }

    /**
     * Advantages by Spark SQL over the kept trajectories, collected as training rows ordered as the
     * single-process trainer orders them; the trajectories with their advantages are then appended to Parquet by
     * the {@link TrajectoryWriter}, while the driver updates.
     */
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
    void awaitTrajectories() {
        writer.await();
    }

    /** Waits for the trajectories still being written, then stops the writer's thread. */
    @Override
    public void close() {
        writer.close();
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

    /** Orders collected rows by their prompt's position in the batch, then by sample index. */
    static Comparator<Row> byPromptThenSample(Map<String, Integer> order) {
        return Comparator.<Row>comparingInt(r -> order.get(r.getString(0))).thenComparingInt(r -> r.getInt(1));
    }
}
