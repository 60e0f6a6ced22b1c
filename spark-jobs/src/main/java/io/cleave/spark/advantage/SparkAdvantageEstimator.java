package io.cleave.spark.advantage;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * One advantage estimator as a Spark query plan.
 *
 * <p>The input has the {@link io.cleave.spark.rows.TrajectoryRow} schema; the result has the same columns in the
 * same order plus {@link SparkAdvantages#ADVANTAGES}, {@code array<float>} with one value per token (0 on
 * tool-result tokens), the same values as core's estimator of the same name.
 */
public interface SparkAdvantageEstimator {

    /** The registry name (the same as core's estimator). */
    String name();

    /**
     * The trajectories with their per-token advantages.
     *
     * @param trajectories rows with the trajectory schema
     * @param klCoef       per-token KL penalty folded into the reward, &gt;= 0 ({@code reinforce++} only; the
     *                     other estimators ignore it, as in core)
     */
    Dataset<Row> withAdvantages(Dataset<Row> trajectories, double klCoef);
}
