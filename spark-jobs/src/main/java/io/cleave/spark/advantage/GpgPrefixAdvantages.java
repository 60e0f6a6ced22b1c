package io.cleave.spark.advantage;

import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;

import io.cleave.spark.rows.TrajectoryRow;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * {@code gpg-prefix}: calibrated shared-prefix advantages. Each trajectory's reward is GRPO-normalised within its
 * group, {@code Ahat_i = (r_i - mean) / (std + 1e-6)} (0 for a group of one); its path is exploded into
 * {@code (group, node, Ahat_i)} rows, and {@code groupBy(group, node)} gives every node the mean over the leaves
 * below it, {@code A(node) = mean_{i passes through node} Ahat_i}, which every policy token of the node gets.
 */
final class GpgPrefixAdvantages implements SparkAdvantageEstimator {

    private static final String LEAF = "leafAdvantage";

    @Override
    public String name() {
        return "gpg-prefix";
    }

    @Override
    public Dataset<Row> withAdvantages(Dataset<Row> trajectories, double klCoef) {
        Dataset<Row> leaves = trajectories
                .select(col(TrajectoryRow.ITERATION), col(TrajectoryRow.PROMPT_ID), col(TrajectoryRow.PATH),
                        col(TrajectoryRow.REWARD))
                .join(GroupRewardStats.of(trajectories), GroupRewardStats.GROUP_KEY)
                .withColumn(LEAF, GroupRewardStats.normalized());
        Dataset<Row> nodes = leaves
                .select(col(TrajectoryRow.ITERATION), col(TrajectoryRow.PROMPT_ID),
                        explode(col(TrajectoryRow.PATH)).as(NodeAdvantages.NODE), col(LEAF))
                .groupBy(col(TrajectoryRow.ITERATION), col(TrajectoryRow.PROMPT_ID), col(NodeAdvantages.NODE))
                .agg(avg(col(LEAF)).as(NodeAdvantages.VALUE));
        return NodeAdvantages.spread(trajectories, nodes);
    }
}
