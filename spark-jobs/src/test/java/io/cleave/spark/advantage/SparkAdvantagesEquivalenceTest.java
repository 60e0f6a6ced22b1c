package io.cleave.spark.advantage;

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

/**
 * The advantages computed on Spark (groups meeting on the executors, the batch step as an aggregate) are bit for bit
 * core's {@code estimate} in one process, on random branched batches, for every estimator, whatever the
 * partitioning of the input.
 */
class SparkAdvantagesEquivalenceTest {

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
    void bitIdenticalToCoreWithoutRewardKl(String estimator) {
        assertBitIdenticalToCore(estimator, 0, trajectories);
    }

    @Test
    void reinforcePlusPlusBitIdenticalWithRewardKlOnAnyPartitioning() {
        for (int partitions : new int[] {1, 3, 7}) {
            assertBitIdenticalToCore("reinforce++", 0.05, trajectories.repartition(partitions));
        }
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

    private static void assertBitIdenticalToCore(String estimator, double klCoef, Dataset<TrajectoryRow> input) {
        AdvantageInput core = new AdvantageInput(batch.input().groups(), batch.input().oldLogp(),
                batch.input().refLogp(), klCoef);
        float[][][] expected = AdvantageEstimators.get(estimator).estimate(core);
        Dataset<Row> scored = SparkAdvantages.compute(input, estimator, klCoef);
        assertEquals(Arrays.asList(input.columns()),
                Arrays.asList(scored.columns()).subList(0, input.columns().length), "trajectory columns kept");
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
                assertEquals(bits(expected[g][i]), bits(actual.get(key)), estimator + " " + key);
                for (float v : expected[g][i]) {
                    nonZero |= v != 0;
                }
            }
        }
        assertTrue(nonZero, "the batch gives non-zero advantages");
    }

    private static List<Integer> bits(float[] values) {
        return values == null ? null : java.util.stream.IntStream.range(0, values.length)
                .mapToObj(t -> Float.floatToRawIntBits(values[t])).toList();
    }
}
