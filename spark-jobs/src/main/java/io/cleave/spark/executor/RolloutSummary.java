package io.cleave.spark.executor;

import java.io.Serializable;

/**
 * What the driver needs of one trajectory without its tokens: its prompt, reward parts, tool calls and where and
 * how fast it was sampled (for metrics, dynamic sampling and the per-JVM weight-load check).
 *
 * @param order position of its prompt in the round's batch
 * @param reward total reward
 * @param correct whether the answer was right
 * @param formatValid whether the trajectory follows the protocol
 * @param toolCalls tool calls made
 * @param toolErrors failed calls other than time-outs
 * @param toolTimeouts calls stopped at the tool time-out
 * @param sampledTokens policy tokens this trajectory sampled itself
 * @param executor executor id and JVM
 * @param weightLoads loads of this weights version in that JVM so far
 * @param partition partition index
 * @param partitionSeconds the partition's own rollout time
 */
public record RolloutSummary(int order, double reward, boolean correct, boolean formatValid, int toolCalls,
        int toolErrors, int toolTimeouts, long sampledTokens, String executor, long weightLoads, int partition,
        double partitionSeconds) implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The summary of a full record. */
    public static RolloutSummary of(RolloutRecord r) {
        return new RolloutSummary(r.order(), r.row().getReward(), r.correct(), r.formatValid(), r.toolCalls(),
                r.toolErrors(), r.toolTimeouts(), r.sampledTokens(), r.executor(), r.weightLoads(), r.partition(),
                r.partitionSeconds());
    }
}
