package io.cleave.spark.executor;

import io.cleave.spark.rows.TrajectoryRow;
import java.io.Serializable;

/**
 * One trajectory as returned by an executor: its row (tokens, tree node ids per token, reward) plus what the
 * driver's metrics need (reward parts, tool calls, text) and where it was produced.
 *
 * @param order position of its prompt in the iteration's batch
 * @param row the trajectory row (Spark schema of {@link TrajectoryRow})
 * @param correct whether the answer was right
 * @param formatValid whether the trajectory follows the protocol
 * @param toolCalls tool calls made
 * @param toolErrors calls whose result is an error other than a time-out ({@link io.cleave.env.protocol.ToolOutcomes})
 * @param toolTimeouts calls stopped at the tool time-out
 * @param sampledTokens policy tokens this trajectory sampled itself (after its branch point)
 * @param text decoded trajectory text after the prompt
 * @param executor where it was sampled: executor id and JVM
 * @param weightLoads how many times that JVM loaded this weights version so far
 * @param partition index of the partition that sampled it
 * @param partitionSeconds time the partition spent loading weights and rolling out (its compute time)
 */
public record RolloutRecord(int order, TrajectoryRow row, boolean correct, boolean formatValid, int toolCalls,
        int toolErrors, int toolTimeouts, long sampledTokens, String text, String executor, long weightLoads,
        int partition, double partitionSeconds) implements Serializable {

    private static final long serialVersionUID = 1L;
}
