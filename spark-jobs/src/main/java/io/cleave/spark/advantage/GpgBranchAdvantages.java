package io.cleave.spark.advantage;

import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.posexplode;
import static org.apache.spark.sql.functions.when;

import io.cleave.spark.rows.TrajectoryRow;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * {@code gpg-branch}: a node's advantage is how much better its leaves did than its parent node's leaves,
 * <pre>
 *   A(node) = (mean_{leaves below node} r - mean_{leaves below parent} r) / (std + 1e-6)
 * </pre>
 * where the parent of a first macro-action is the whole group and std is the group's unbiased reward standard
 * deviation (all 0 for a group of one). Paths are exploded with their {@code nodeParents} into
 * {@code (group, node, parent, r)} rows; {@code groupBy(group, node)} gives each node its mean reward below, and a
 * self-join on {@code parent = node} its parent's.
 */
final class GpgBranchAdvantages implements SparkAdvantageEstimator {

    private static final String POS = "pos";
    private static final String PARENT = "parent";
    private static final String BELOW = "meanRewardBelow";
    private static final String PARENT_BELOW = "parentMeanRewardBelow";

    @Override
    public String name() {
        return "gpg-branch";
    }

    @Override
    public Dataset<Row> withAdvantages(Dataset<Row> trajectories, double klCoef) {
        Column iteration = col(TrajectoryRow.ITERATION);
        Column prompt = col(TrajectoryRow.PROMPT_ID);
        Dataset<Row> below = trajectories
                .select(iteration, prompt, col(TrajectoryRow.REWARD), col(TrajectoryRow.NODE_PARENTS),
                        posexplode(col(TrajectoryRow.PATH)).as(new String[] {POS, NodeAdvantages.NODE}))
                .withColumn(PARENT, col(TrajectoryRow.NODE_PARENTS).getItem(col(POS)))
                .groupBy(iteration, prompt, col(NodeAdvantages.NODE), col(PARENT))
                .agg(avg(col(TrajectoryRow.REWARD)).as(BELOW));
        Dataset<Row> parents = below.select(iteration, prompt, col(NodeAdvantages.NODE).as(PARENT),
                col(BELOW).as(PARENT_BELOW));
        Column relative = col(BELOW).minus(coalesce(col(PARENT_BELOW), col(GroupRewardStats.MEAN)))
                .divide(col(GroupRewardStats.STD).plus(GroupRewardStats.STD_EPS));
        Dataset<Row> nodes = below
                .join(parents, new String[] {TrajectoryRow.ITERATION, TrajectoryRow.PROMPT_ID, PARENT}, "left")
                .join(GroupRewardStats.of(trajectories), GroupRewardStats.GROUP_KEY)
                .select(iteration, prompt, col(NodeAdvantages.NODE),
                        when(col(GroupRewardStats.COUNT).lt(2), lit(0.0)).otherwise(relative)
                                .as(NodeAdvantages.VALUE));
        return NodeAdvantages.spread(trajectories, nodes);
    }
}
