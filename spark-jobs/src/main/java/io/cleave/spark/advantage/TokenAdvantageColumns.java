package io.cleave.spark.advantage;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.transform;
import static org.apache.spark.sql.functions.when;

import io.cleave.spark.rows.TrajectoryRow;
import java.util.Arrays;
import java.util.stream.Stream;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** Spreads trajectory-level or node-level advantages over tokens, 0 on tool-result tokens, and joins them back. */
final class TokenAdvantageColumns {

    private TokenAdvantageColumns() {}

    /** {@code array<float>} (L): the double {@code value} on every policy token, 0 elsewhere. */
    static Column constant(Column value) {
        return transform(col(TrajectoryRow.POLICY_MASK),
                isPolicy -> when(isPolicy, value.cast("float")).otherwise(lit(0f)));
    }

    /**
     * {@code array<float>} (L): on policy tokens the value of the token's node in {@code nodeValues}
     * ({@code map<int, double>}), 0 elsewhere.
     */
    static Column byNode(Column nodeValues) {
        Column tokenNode = col(TrajectoryRow.TOKEN_NODE);
        return transform(col(TrajectoryRow.POLICY_MASK), (isPolicy, pos) ->
                when(isPolicy, nodeValues.getItem(tokenNode.getItem(pos)).cast("float")).otherwise(lit(0f)));
    }

    /**
     * Joins {@code side} to the trajectories on {@code keys} and keeps the trajectory columns, in order, plus
     * {@code advantages} (which may read {@code side}'s columns) named {@link SparkAdvantages#ADVANTAGES}.
     */
    static Dataset<Row> attach(Dataset<Row> trajectories, Dataset<Row> side, String[] keys, Column advantages) {
        return keep(trajectories.columns(), trajectories.join(side, keys), advantages);
    }

    /** The named trajectory columns of {@code joined}, in order, plus {@code advantages}. */
    static Dataset<Row> keep(String[] trajectoryColumns, Dataset<Row> joined, Column advantages) {
        Column[] columns = Stream.concat(Arrays.stream(trajectoryColumns).map(c -> col(c)),
                Stream.of(advantages.as(SparkAdvantages.ADVANTAGES))).toArray(Column[]::new);
        return joined.select(columns);
    }
}
