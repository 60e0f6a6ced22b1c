package io.cleave.spark.executor;

import io.cleave.spark.rows.TrajectoryRow;
import io.cleave.train.metrics.TrajectoryStats;
import java.io.Serializable;

/**
 * One trajectory as returned by an executor: its row (tokens, tree node ids per token, reward), its statistics for
 * the driver's metrics and dynamic sampling, and where it was produced.
 *
 * @param order position of its prompt in the round's batch
 * @param row the trajectory row (Spark schema of {@link TrajectoryRow})
 * @param stats reward parts, tool calls and sampled tokens
 * @param executor where it was sampled: executor id and JVM
 * @param weightLoads how many times that JVM loaded this weights version so far
 * @param partition index of the partition that sampled it
 * @param partitionSeconds time the partition spent loading weights and rolling out (its compute time)
 */
public record RolloutRecord(int order, TrajectoryRow row, TrajectoryStats stats, String executor, long weightLoads,
        int partition, double partitionSeconds) implements Serializable {

    private static final long serialVersionUID = 1L;
}
