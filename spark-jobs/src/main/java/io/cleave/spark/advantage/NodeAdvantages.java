package io.cleave.spark.advantage;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.map_from_entries;
import static org.apache.spark.sql.functions.struct;

import io.cleave.spark.rows.TrajectoryRow;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Joins node-level advantages back to the trajectories: the {@code (group, node, value)} rows become one
 * {@code map<int, double>} per group, and every policy token gets the value of its node.
 */
final class NodeAdvantages {

    /** Column of the exploded node id. */
    static final String NODE = "node";
    /** Column of a node's advantage. */
    static final String VALUE = "nodeAdvantage";
    private static final String MAP = "nodeAdvantages";

    private NodeAdvantages() {}

    /**
     * @param trajectories rows with the trajectory schema
     * @param nodes        {@code iteration, promptId, node, nodeAdvantage}: one row per node of every group
     * @return the trajectories plus {@link SparkAdvantages#ADVANTAGES}
     */
    static Dataset<Row> spread(Dataset<Row> trajectories, Dataset<Row> nodes) {
        Dataset<Row> perGroup = nodes.groupBy(col(TrajectoryRow.ITERATION), col(TrajectoryRow.PROMPT_ID))
                .agg(map_from_entries(collect_list(struct(col(NODE), col(VALUE)))).as(MAP));
        return TokenAdvantageColumns.attach(trajectories, perGroup, GroupRewardStats.GROUP_KEY,
                TokenAdvantageColumns.byNode(col(MAP)));
    }
}
