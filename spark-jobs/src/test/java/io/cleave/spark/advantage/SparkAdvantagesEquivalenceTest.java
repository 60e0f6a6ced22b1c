package io.cleave.spark.advantage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cleave.algo.advantage.AdvantageEstimators;
import io.cleave.algo.advantage.AdvantageInput;
import io.cleave.rollout.tree.TrajectoryTree;
import io.cleave.spark.rows.TrajectoryRow;
import io.cleave.spark.testing.RandomBatches;
import io.cleave.spark.testing.TestSpark;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Spark SQL advantages equal core's estimators token by token on random branched batches, for every estimator. */
class SparkAdvantagesEquivalenceTest {

    private static final float TOLERANCE = 1e-6f;
    private static RandomBatches batch;
    private static Dataset<TrajectoryRow> trajectories;

    @BeforeAll
    static void data() {
        batch = RandomBatches.generate(11, 24, 3, 0.05);
        trajectories = TestSpark.session().createDataset(batch.rows(), Encoders.bean(TrajectoryRow.class));
    }

    static List<String> estimators() {
        return AdvantageEstimators.names();
    }

    @ParameterizedTest
    @MethodSource("estimators")
    void matchesCoreWithoutRewardKl(String estimator) {
        assertMatchesCore(estimator, 0);
    }

    @Test
    void reinforcePlusPlusMatchesCoreWithRewardKl() {
        assertMatchesCore("reinforce++", 0.05);
    }

    @Test
    void batchHasSharedPrefixesToolResultsAndGroupsOfOne() {
        boolean shared = false;
        boolean toolResult = false;
        boolean single = false;
        for (TrajectoryTree tree : batch.input().groups()) {
            shared |= Arrays.stream(tree.leavesBelow()).anyMatch(leaves -> leaves.length > 1);
            toolResult |= tree.trajectories().stream().anyMatch(t -> hasFalse(t.policyMask()));
            single |= tree.size() == 1;
        }
        assertTrue(shared && toolResult && single, "shared " + shared + ", tool " + toolResult + ", single " + single);
    }

    private static boolean hasFalse(boolean[] mask) {
        for (boolean b : mask) {
            if (!b) {
                return true;
            }
        }
        return false;
    }

    private static void assertMatchesCore(String estimator, double klCoef) {
        AdvantageInput input = new AdvantageInput(batch.input().groups(), batch.input().oldLogp(),
                batch.input().refLogp(), klCoef);
        float[][][] expected = AdvantageEstimators.get(estimator).estimate(input);
        Dataset<Row> scored = SparkAdvantages.compute(trajectories, estimator, klCoef);
        assertEquals(Arrays.asList(trajectories.columns()),
                Arrays.asList(scored.columns()).subList(0, trajectories.columns().length), "trajectory columns kept");
        Map<String, float[]> actual = new HashMap<>();
        for (Row row : scored.select(TrajectoryRow.PROMPT_ID, TrajectoryRow.SAMPLE_INDEX, SparkAdvantages.ADVANTAGES)
                .collectAsList()) {
            List<Float> values = row.getList(2);
            float[] a = new float[values.size()];
            for (int t = 0; t < a.length; t++) {
                a[t] = values.get(t);
            }
            actual.put(row.getString(0) + "/" + row.getInt(1), a);
        }
        assertEquals(batch.rows().size(), actual.size(), "one row per trajectory");
        boolean nonZero = false;
        for (int g = 0; g < expected.length; g++) {
            for (int i = 0; i < expected[g].length; i++) {
                String key = batch.ids().get(g) + "/" + i;
                assertArrayEquals(expected[g][i], actual.get(key), TOLERANCE, estimator + " " + key);
                for (float v : expected[g][i]) {
                    nonZero |= v != 0;
                }
            }
        }
        assertTrue(nonZero, "the batch gives non-zero advantages");
    }
}
