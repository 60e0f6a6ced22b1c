package io.cleave.spark.advantage;

import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.posexplode;
import static org.apache.spark.sql.functions.sqrt;
import static org.apache.spark.sql.functions.transform;
import static org.apache.spark.sql.functions.var_samp;
import static org.apache.spark.sql.functions.when;

import io.cleave.spark.rows.TrajectoryRow;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;

/**
 * {@code reinforce++}: per-token returns ({@link TokenReturns}, computed row by row on the executors), then
 * whitening over every policy token of the batch, {@code A_t = (G_t - mean) / sqrt(max(var, 1e-8))} with the
 * unbiased variance (0 for fewer than two tokens). The batch statistics are one aggregate row, cross-joined back;
 * there is no per-prompt baseline.
 */
final class ReinforcePlusPlusAdvantages implements SparkAdvantageEstimator {

    private static final double VAR_FLOOR = 1e-8;
    private static final String POS = "pos";
    private static final String RETURN = "tokenReturn";
    private static final String MEAN = "batchReturnMean";
    private static final String VAR = "batchReturnVar";

    @Override
    public String name() {
        return "reinforce++";
    }

    @Override
    public Dataset<Row> withAdvantages(Dataset<Row> trajectories, double klCoef) {
        Dataset<Row> returns = trajectories.as(Encoders.bean(TrajectoryRow.class))
                .map((MapFunction<TrajectoryRow, TokenReturns>) row -> TokenReturns.of(row, klCoef),
                        Encoders.bean(TokenReturns.class))
                .toDF();
        String[] trajectoryKey = {TrajectoryRow.ITERATION, TrajectoryRow.PROMPT_ID, TrajectoryRow.SAMPLE_INDEX};
        Dataset<Row> withReturns = trajectories.join(returns, trajectoryKey);
        Dataset<Row> stats = withReturns
                .select(col(TrajectoryRow.POLICY_MASK),
                        posexplode(col(TokenReturns.RETURNS)).as(new String[] {POS, RETURN}))
                .where(col(TrajectoryRow.POLICY_MASK).getItem(col(POS)))
                .agg(coalesce(avg(col(RETURN)), lit(0.0)).as(MEAN), coalesce(var_samp(col(RETURN)), lit(0.0)).as(VAR));
        Column scale = sqrt(greatest(col(VAR), lit(VAR_FLOOR)));
        Column returnsColumn = col(TokenReturns.RETURNS);
        Column advantages = transform(col(TrajectoryRow.POLICY_MASK), (isPolicy, pos) ->
                when(isPolicy, returnsColumn.getItem(pos).minus(col(MEAN)).divide(scale).cast("float"))
                        .otherwise(lit(0f)));
        return TokenAdvantageColumns.keep(trajectories.columns(), withReturns.crossJoin(stats), advantages);
    }
}
