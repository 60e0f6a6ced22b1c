package io.cleave.spark.executor;

import io.cleave.train.metrics.TrajectoryStats;
import java.io.Serializable;

/**
 * What the driver collects of one trajectory after a round, without its tokens: its prompt's position, its
 * statistics, and where and how fast it was sampled (for the per-JVM weight-load check and the critical path).
 *
 * @param order position of its prompt in the round's batch
 * @param stats reward parts, tool calls and sampled tokens
 * @param executor executor id and JVM
 * @param weightLoads loads of this weights version in that JVM so far
 * @param partition partition index
 * @param partitionSeconds the partition's own rollout time
 */
public record RolloutSummary(int order, TrajectoryStats stats, String executor, long weightLoads, int partition,
        double partitionSeconds) implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The summary of a full record. */
    public static RolloutSummary of(RolloutRecord r) {
        return new RolloutSummary(r.order(), r.stats(), r.executor(), r.weightLoads(), r.partition(),
                r.partitionSeconds());
    }
}
