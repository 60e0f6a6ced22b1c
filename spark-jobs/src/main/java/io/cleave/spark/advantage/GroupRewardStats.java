package io.cleave.spark.advantage;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.stddev_samp;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import io.cleave.spark.rows.TrajectoryRow;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Reward statistics of every prompt group, {@code groupBy(iteration, promptId)}, and the group-relative
 * trajectory advantages built from them.
 *
 * <p>Columns of {@link #of}: {@code iteration, promptId, groupSum, groupCount, groupMean} (sum / count) and
 * {@code groupStd}, the unbiased standard deviation (divisor n - 1), 0 for a group of one.
 */
public final class GroupRewardStats {

    /** Added to the group's standard deviation before dividing, as in core's GRPO. */
    public static final double STD_EPS = 1e-6;
    /** The group key columns. */
    public static final String[] GROUP_KEY = {TrajectoryRow.ITERATION, TrajectoryRow.PROMPT_ID};
    /** Column: sum of the group's rewards. */
    public static final String SUM = "groupSum";
    /** Column: number of trajectories in the group. */
    public static final String COUNT = "groupCount";
    /** Column: mean reward of the group. */
    public static final String MEAN = "groupMean";
    /** Column: unbiased standard deviation of the group's rewards, 0 for a group of one. */
    public static final String STD = "groupStd";

    private GroupRewardStats() {}

    /** One row per group with its reward sum, count, mean and unbiased std. */
    public static Dataset<Row> of(Dataset<Row> trajectories) {
        Column reward = col(TrajectoryRow.REWARD);
        return trajectories.groupBy(col(TrajectoryRow.ITERATION), col(TrajectoryRow.PROMPT_ID))
                .agg(sum(reward).as(SUM), count(lit(1)).as(COUNT), coalesce(stddev_samp(reward), lit(0.0)).as(STD))
                .withColumn(MEAN, col(SUM).divide(col(COUNT)));
    }

    /** GRPO's {@code (r - mean) / (std + 1e-6)}, 0 for a group of one; needs the reward and this class's columns. */
    static Column normalized() {
        return when(col(COUNT).lt(2), lit(0.0))
                .otherwise(col(TrajectoryRow.REWARD).minus(col(MEAN)).divide(col(STD).plus(STD_EPS)));
    }

    /** Dr. GRPO's {@code r - mean}. */
    static Column centered() {
        return col(TrajectoryRow.REWARD).minus(col(MEAN));
    }

    /** RLOO's {@code r - (sum - r) / (n - 1)}, 0 for a group of one. */
    static Column leaveOneOut() {
        Column reward = col(TrajectoryRow.REWARD);
        return when(col(COUNT).lt(2), lit(0.0))
                .otherwise(reward.minus(col(SUM).minus(reward).divide(col(COUNT).minus(1))));
    }
}
