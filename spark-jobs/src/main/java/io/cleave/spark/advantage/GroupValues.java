package io.cleave.spark.advantage;

import io.cleave.algo.advantage.AdvantageEstimator;
import io.cleave.algo.advantage.AdvantageEstimators;
import io.cleave.algo.advantage.AdvantageGroup;
import io.cleave.rollout.tree.TrajectoryTree;
import io.cleave.spark.rows.TrajectoryRow;
import io.cleave.spark.rows.TrajectoryRows;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.FlatMapGroupsFunction;
import scala.Tuple2;

/**
 * The executor side of {@link SparkAdvantages}: the rows of one prompt group {@code (iteration, promptId)} become its
 * trajectory tree ({@link TrajectoryRows#toTree}), and core's estimator gives their per-token values
 * ({@link AdvantageEstimator#groupValues}), exactly as in the single-process trainer. The estimator is looked up by
 * name on the executor (estimators are not serializable; names are).
 */
final class GroupValues implements FlatMapGroupsFunction<Tuple2<Integer, String>, ScoredTrajectoryRow,
        ScoredTrajectoryRow> {

    private static final long serialVersionUID = 1L;

    private final String estimator;
    private final double klCoef;

    /**
     * @param estimator a name from {@link AdvantageEstimators#names()}
     * @param klCoef    the reward KL coefficient, checked; when &gt; 0 every row needs both log-prob arrays
     */
    GroupValues(String estimator, double klCoef) {
        this.estimator = estimator;
        this.klCoef = klCoef;
    }

    @Override
    public Iterator<ScoredTrajectoryRow> call(Tuple2<Integer, String> group, Iterator<ScoredTrajectoryRow> rows) {
        List<ScoredTrajectoryRow> sorted = new ArrayList<>();
        rows.forEachRemaining(sorted::add);
        sorted.sort(Comparator.comparingInt(TrajectoryRow::getSampleIndex));
        TrajectoryTree tree = TrajectoryRows.toTree(List.copyOf(sorted));
        float[][] oldLogp = logProbs(sorted, true);
        float[][] refLogp = logProbs(sorted, false);
        AdvantageGroup input;
        try {
            input = new AdvantageGroup(tree, oldLogp, refLogp, klCoef);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("group " + group._1() + "/" + group._2() + ": " + e.getMessage(), e);
        }
        double[][] values = AdvantageEstimators.get(estimator).groupValues(input);
        for (int i = 0; i < sorted.size(); i++) {
            sorted.get(i).setValues(values[i]);
        }
        return sorted.iterator();
    }

    /** The old ({@code old}) or reference log-probs of the rows, in order, when the reward has a KL term. */
    private float[][] logProbs(List<ScoredTrajectoryRow> rows, boolean old) {
        if (klCoef == 0) {
            return null;
        }
        float[][] out = new float[rows.size()][];
        for (int i = 0; i < out.length; i++) {
            TrajectoryRow row = rows.get(i);
            out[i] = old ? row.getOldLogp() : row.getRefLogp();
            if (out[i] == null) {
                throw new IllegalArgumentException(row + ": klCoef " + klCoef + " > 0 needs oldLogp and refLogp");
            }
        }
        return out;
    }
}
