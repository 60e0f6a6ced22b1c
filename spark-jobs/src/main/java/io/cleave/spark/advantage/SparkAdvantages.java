package io.cleave.spark.advantage;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Entry point: per-token advantages of a trajectory dataset, computed with Spark SQL on the executors.
 *
 * <pre>
 *   Dataset&lt;Row&gt; scored = SparkAdvantages.compute(trajectories, "gpg-prefix");
 *   // the TrajectoryRow columns, then advantages: array&lt;float&gt; (L), 0 on tool-result tokens
 * </pre>
 */
public final class SparkAdvantages {

    /** Name of the result column: {@code array<float>}, one advantage per token. */
    public static final String ADVANTAGES = "advantages";

    private SparkAdvantages() {}

    /** {@link #compute(Dataset, String, double)} without a reward KL penalty. */
    public static Dataset<Row> compute(Dataset<?> trajectories, String estimator) {
        return compute(trajectories, estimator, 0);
    }

    /**
     * The trajectories with an {@link #ADVANTAGES} column.
     *
     * @param trajectories rows with the {@link io.cleave.spark.rows.TrajectoryRow} schema (a
     *                     {@code Dataset<TrajectoryRow>} or its DataFrame)
     * @param estimator    a name from {@link SparkAdvantageEstimators#names()}
     * @param klCoef       per-token KL penalty folded into the reward by {@code reinforce++}, finite and &gt;= 0;
     *                     when &gt; 0 every row needs {@code oldLogp} and {@code refLogp}
     * @throws IllegalArgumentException for an unknown estimator or a bad {@code klCoef}
     */
    public static Dataset<Row> compute(Dataset<?> trajectories, String estimator, double klCoef) {
        SparkAdvantageEstimator est = SparkAdvantageEstimators.get(estimator);
        if (!(klCoef >= 0) || Double.isInfinite(klCoef)) {
            throw new IllegalArgumentException("klCoef must be finite and >= 0, got " + klCoef);
        }
        return est.withAdvantages(trajectories.toDF(), klCoef);
    }
}
