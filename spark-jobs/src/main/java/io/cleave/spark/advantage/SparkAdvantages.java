package io.cleave.spark.advantage;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import io.cleave.algo.advantage.AdvantageEstimator;
import io.cleave.algo.advantage.AdvantageEstimators;
import io.cleave.algo.advantage.AdvantageGroup;
import io.cleave.algo.advantage.TokenWhitening;
import io.cleave.spark.rows.TrajectoryRow;
import java.util.Arrays;
import java.util.stream.Stream;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoder;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import scala.Tuple2;

/**
 * Entry point: per-token advantages of a trajectory dataset, computed on the executors by core's estimators.
 *
 * <pre>
 *   Dataset&lt;Row&gt; scored = SparkAdvantages.compute(trajectories, "gpg-prefix");
 *   // the TrajectoryRow columns, then advantages: array&lt;float&gt; (L), 0 on tool-result tokens
 * </pre>
 * The query: {@code groupByKey(iteration, promptId)} brings each prompt group's trajectories (its shared-prefix tree)
 * to one task, where {@link GroupValues} runs the estimator's {@link AdvantageEstimator#groupValues}; for an
 * estimator that {@link AdvantageEstimator#whitensBatch() whitens over the batch} one aggregate
 * ({@link BatchWhitening}) gives the batch statistics, cross-joined back to every row; each row's values then become
 * its advantages ({@link TokenWhitening#apply}). The values are bit for bit those of
 * {@link AdvantageEstimator#estimate} in one process. Nothing is collected to the driver.
 */
public final class SparkAdvantages {

    /** Name of the result column: {@code array<float>}, one advantage per token. */
    public static final String ADVANTAGES = "advantages";

    private static final Encoder<ScoredTrajectoryRow> SCORED = Encoders.bean(ScoredTrajectoryRow.class);

    private SparkAdvantages() {}

    /** {@link #compute(Dataset, String, double)} without a reward KL penalty. */
    public static Dataset<Row> compute(Dataset<?> trajectories, String estimator) {
        return compute(trajectories, estimator, 0);
    }

    /**
     * The trajectories with an {@link #ADVANTAGES} column (the query; nothing runs until an action).
     *
     * @param trajectories rows with the {@link io.cleave.spark.rows.TrajectoryRow} schema (a
     *                     {@code Dataset<TrajectoryRow>} or its DataFrame)
     * @param estimator    a name from {@link AdvantageEstimators#names()}
     * @param klCoef       per-token KL penalty folded into the reward by {@code reinforce++}, finite and &gt;= 0;
     *                     when &gt; 0 every row needs {@code oldLogp} and {@code refLogp}
     * @return the trajectory columns, in their order, then {@link #ADVANTAGES}
     * @throws IllegalArgumentException for an unknown estimator or a bad {@code klCoef}
     */
    public static Dataset<Row> compute(Dataset<?> trajectories, String estimator, double klCoef) {
        AdvantageEstimator est = AdvantageEstimators.get(estimator);
        AdvantageGroup.checkedKlCoef(klCoef);
        Dataset<ScoredTrajectoryRow> valued = trajectories.toDF()
                .withColumn(ScoredTrajectoryRow.VALUES, lit(null).cast(DataTypes.createArrayType(DataTypes.DoubleType)))
                .withColumn(ADVANTAGES, lit(null).cast(DataTypes.createArrayType(DataTypes.FloatType)))
                .as(SCORED)
                .groupByKey((MapFunction<ScoredTrajectoryRow, Tuple2<Integer, String>>) r ->
                        new Tuple2<>(r.getIteration(), r.getPromptId()), Encoders.tuple(Encoders.INT(), Encoders.STRING()))
                .flatMapGroups(new GroupValues(est.name(), klCoef), SCORED);
        Dataset<ScoredTrajectoryRow> scored = est.whitensBatch()
                ? valued.joinWith(valued.select(new BatchWhitening().toColumn()), lit(true), "cross")
                        .map((MapFunction<Tuple2<ScoredTrajectoryRow, TokenWhitening>, ScoredTrajectoryRow>) pair ->
                                pair._1().whitened(pair._2()), SCORED)
                : valued.map((MapFunction<ScoredTrajectoryRow, ScoredTrajectoryRow>) row ->
                        row.whitened(TokenWhitening.IDENTITY), SCORED);
        Column[] columns = Stream.concat(Arrays.stream(trajectories.columns()), Stream.of(ADVANTAGES))
                .map(c -> col(c)).toArray(Column[]::new);
        return scored.select(columns);
    }
}
