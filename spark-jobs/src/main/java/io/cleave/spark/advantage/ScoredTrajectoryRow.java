package io.cleave.spark.advantage;

import io.cleave.algo.advantage.TokenWhitening;
import io.cleave.spark.rows.TrajectoryRow;

/**
 * A {@link TrajectoryRow} with its estimator's per-token values and, once the batch step is done, its advantages:
 * the rows of {@link SparkAdvantages}' query (a Java bean for {@code Encoders.bean}).
 *
 * <pre>
 *   values      array&lt;double&gt;  the estimator's group values, (L) (AdvantageEstimator#groupValues)
 *   advantages  array&lt;float&gt;   the advantages, (L), 0 on tool-result tokens; null until whitened
 * </pre>
 */
public class ScoredTrajectoryRow extends TrajectoryRow {

    private static final long serialVersionUID = 1L;

    /** Column name of {@link #getValues()}. */
    public static final String VALUES = "values";

    private double[] values;
    private float[] advantages;

    /** An empty row for Spark's bean encoder. */
    public ScoredTrajectoryRow() {
    }

    /** This row with {@code advantages = whitening(values)} (this object, updated). */
    ScoredTrajectoryRow whitened(TokenWhitening whitening) {
        advantages = whitening.apply(values, getPolicyMask());
        return this;
    }

    /** The estimator's group values, {@code (L)}. */
    public double[] getValues() {
        return values;
    }

    /** Sets {@link #getValues()}. */
    public void setValues(double[] values) {
        this.values = values;
    }

    /** The advantages, {@code (L)}, 0 on tool-result tokens. */
    public float[] getAdvantages() {
        return advantages;
    }

    /** Sets {@link #getAdvantages()}. */
    public void setAdvantages(float[] advantages) {
        this.advantages = advantages;
    }
}
