package io.cleave.spark.executor;

import io.cleave.algo.recipe.AlgorithmConfig;
import io.cleave.env.protocol.ToolEnvironment;
import io.cleave.model.TorchRuntime;
import io.cleave.rollout.engine.PromptRollout;
import io.cleave.rollout.engine.PromptSpec;
import io.cleave.rollout.engine.RolloutEngine;
import io.cleave.rollout.tree.TrajectoryTree;
import io.cleave.rollout.tree.TrajectoryTreeBuilder;
import io.cleave.spark.rows.TrajectoryRow;
import io.cleave.spark.rows.TrajectoryRows;
import io.cleave.train.metrics.TrajectoryStats;
import io.cleave.train.rl.ReferenceLogProbs;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.SparkEnv;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.broadcast.Broadcast;

/**
 * The executor side of one rollout round: rolls out a partition's prompt batch in one batched decode with the JVM's
 * cached policy (autograd off in the task thread, on the task's GPU when Spark assigned one), cuts each prompt's
 * trajectories into macro-actions and returns them as rows with their tree node ids (and, for a KL penalty in the
 * reward, the cached frozen reference's log-probs of their tokens).
 */
public final class RolloutPartition implements FlatMapFunction<Iterator<PromptBatch>, RolloutRecord> {

    private static final long serialVersionUID = 1L;

    private final JobSpec spec;
    private final Broadcast<WeightsPayload> weights;
    private final Broadcast<WeightsPayload> rewardReference;
    private final long iteration;

    /** @param rewardReference the frozen reference of a KL penalty in the reward, or null without one */
    public RolloutPartition(JobSpec spec, Broadcast<WeightsPayload> weights, Broadcast<WeightsPayload> rewardReference,
            long iteration) {
        this.spec = spec;
        this.weights = weights;
        this.rewardReference = rewardReference;
        this.iteration = iteration;
    }

    @Override
    public Iterator<RolloutRecord> call(Iterator<PromptBatch> batches) {
        List<PromptTask> tasks = new ArrayList<>();
        batches.forEachRemaining(b -> tasks.addAll(b.prompts()));
        if (tasks.isEmpty()) {
            return List.<RolloutRecord>of().iterator();
        }
        ExecutorThreads.configure();
        long started = System.nanoTime();
        TorchRuntime.disableGrad();
        WeightsPayload payload = weights.value();
        AlgorithmConfig algorithm = spec.algorithmConfig();
        ToolEnvironment env = ExecutorEnvironments.of(spec);
        List<PromptSpec> specs = tasks.stream().map(PromptTask::spec).toList();
        double temperature = spec.rollout().sampling().scoringTemperature();
        Rolled rolled = ExecutorPolicyCache.withPolicies(spec, payload,
                rewardReference == null ? null : rewardReference.value(), TaskDevices.assigned(), (policy, frozen) -> {
                    List<PromptRollout> out = new RolloutEngine(policy, env, algorithm.newBranchPolicy(),
                            algorithm.newSegmenter(), spec.rollout()).run(specs, iteration);
                    return new Rolled(out, frozen == null ? null : ReferenceLogProbs.of(frozen, out, temperature));
                });
        List<PromptRollout> rollouts = rolled.rollouts();
        double seconds = (System.nanoTime() - started) / 1e9;
        int partition = TaskContext.get() == null ? 0 : TaskContext.getPartitionId();
        String executor = executorId();
        long loads = ExecutorPolicyCache.loads(payload.key());
        List<RolloutRecord> out = new ArrayList<>();
        for (int p = 0; p < rollouts.size(); p++) {
            PromptRollout rollout = rollouts.get(p);
            TrajectoryTree tree = TrajectoryTreeBuilder.build(rollout.samples(), algorithm.newSegmenter());
            List<TrajectoryRow> rows = TrajectoryRows.fromTree((int) iteration, rollout.spec().promptId(), tree,
                    rollout.oldLogProbs().toArray(new float[0][]),
                    rolled.referenceLogProbs() == null ? null : rolled.referenceLogProbs().get(p));
            for (int s = 0; s < rows.size(); s++) {
                out.add(new RolloutRecord(tasks.get(p).order(), rows.get(s),
                        TrajectoryStats.of(rollout, s, env.protocol()), executor, loads, partition, seconds));
            }
        }
        return out.iterator();
    }

    /** A partition's rollouts and, with a KL penalty in the reward, their reference log-probs per prompt. */
    private record Rolled(List<PromptRollout> rollouts, List<float[][]> referenceLogProbs) {}

    private static String executorId() {
        SparkEnv env = SparkEnv.get();
        String id = env == null ? "local" : env.executorId();
        return id + "@" + ManagementFactory.getRuntimeMXBean().getName();
    }
}
