package io.cleave.spark.advantage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cleave.algo.advantage.AdvantageEstimators;
import io.cleave.algo.advantage.AdvantagesJson;
import io.cleave.spark.rows.TrajectoryRow;
import io.cleave.spark.rows.TrajectoryRows;
import io.cleave.spark.testing.TestSpark;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

/** Hand-computed values of the documented example, group statistics, and the entry point's errors. */
class SparkAdvantagesTest {

    /** docs/advantages-json.md's example: rewards 1, 0, 0; sample 1 branches from sample 0 after the tool result. */
    private static final String EXAMPLE = """
            {"segmenter": "marker", "groups": [{"id": "q1", "samples": [
              {"text": ["<calc>", "2*3", "</calc>", "<result>6</result>", "It is 6", "</answer>"],
               "env_spans": [[3, 4]], "reward": 1},
              {"text": ["<calc>", "2*3", "</calc>", "<result>6</result>", "It is 5", "</answer>"],
               "env_spans": [[3, 4]], "parent": 0, "branch_pos": 4, "reward": 0},
              {"text": "no tool", "reward": 0}]},
              {"id": "alone", "samples": [{"tokens": [1, 2], "reward": 5}]}]}
            """;

    private static Dataset<TrajectoryRow> example() {
        List<TrajectoryRow> rows = TrajectoryRows.fromRequest(7, AdvantagesJson.parse(EXAMPLE));
        return TestSpark.session().createDataset(rows, Encoders.bean(TrajectoryRow.class));
    }

    private static float[] advantages(Dataset<Row> scored, String prompt, int sample) {
        Row row = scored.where(scored.col(TrajectoryRow.PROMPT_ID).equalTo(prompt)
                .and(scored.col(TrajectoryRow.SAMPLE_INDEX).equalTo(sample))).first();
        List<Float> values = row.getList(row.fieldIndex(SparkAdvantages.ADVANTAGES));
        float[] out = new float[values.size()];
        for (int t = 0; t < out.length; t++) {
            out[t] = values.get(t);
        }
        return out;
    }

    @Test
    void gpgPrefixOfTheDocumentedExample() {
        Dataset<Row> scored = SparkAdvantages.compute(example(), "gpg-prefix");
        float a = (float) ((1 - 1.0 / 3) / (Math.sqrt(1.0 / 3) + 1e-6));    // 1.1547
        float b = (float) ((0 - 1.0 / 3) / (Math.sqrt(1.0 / 3) + 1e-6));    // -0.5773
        float shared = (a + b) / 2;                                          // 0.2887
        assertArrayEquals(new float[] {shared, shared, shared, 0, a, a}, advantages(scored, "q1", 0), 1e-6f);
        assertArrayEquals(new float[] {shared, shared, shared, 0, b, b}, advantages(scored, "q1", 1), 1e-6f);
        assertArrayEquals(new float[] {b, b, b, b, b, b, b}, advantages(scored, "q1", 2), 1e-6f);
        assertArrayEquals(new float[] {0, 0}, advantages(scored, "alone", 0), 0f, "a group of one gets 0");
        assertEquals(0.2887f, shared, 1e-4f);
    }

    @Test
    void gpgBranchAndRlooOfTheDocumentedExample() {
        double s = Math.sqrt(1.0 / 3) + 1e-6;
        float root = (float) ((0.5 - 1.0 / 3) / s);     // node 0: leaves 0, 1 against the group
        float win = (float) ((1 - 0.5) / s);            // node 1: leaf 0 against node 0
        float lose = (float) ((0 - 0.5) / s);           // node 2: leaf 1 against node 0
        float alone = (float) ((0 - 1.0 / 3) / s);      // node 3: leaf 2 against the group
        Dataset<Row> branch = SparkAdvantages.compute(example(), "gpg-branch");
        assertArrayEquals(new float[] {root, root, root, 0, win, win}, advantages(branch, "q1", 0), 1e-6f);
        assertArrayEquals(new float[] {root, root, root, 0, lose, lose}, advantages(branch, "q1", 1), 1e-6f);
        assertArrayEquals(new float[] {alone, alone, alone, alone, alone, alone, alone},
                advantages(branch, "q1", 2), 1e-6f);
        Dataset<Row> rloo = SparkAdvantages.compute(example(), "rloo");
        assertArrayEquals(new float[] {1, 1, 1, 0, 1, 1}, advantages(rloo, "q1", 0), 1e-6f);   // 1 - (0 + 0) / 2
        assertArrayEquals(new float[] {-0.5f, -0.5f, -0.5f, 0, -0.5f, -0.5f}, advantages(rloo, "q1", 1), 1e-6f);
        assertArrayEquals(new float[] {0, 0}, advantages(rloo, "alone", 0), 0f);
    }

    @Test
    void groupStatisticsPerPrompt() {
        List<Row> stats = GroupRewardStats.of(example().toDF()).orderBy(TrajectoryRow.PROMPT_ID).collectAsList();
        assertEquals(2, stats.size());
        Row alone = stats.get(0);
        assertEquals(7, alone.getInt(alone.fieldIndex(TrajectoryRow.ITERATION)));
        assertEquals(5.0, alone.getDouble(alone.fieldIndex(GroupRewardStats.MEAN)), 0);
        assertEquals(0.0, alone.getDouble(alone.fieldIndex(GroupRewardStats.STD)), 0, "std of one value is 0");
        assertEquals(1L, alone.getLong(alone.fieldIndex(GroupRewardStats.COUNT)));
        Row q1 = stats.get(1);
        assertEquals(1.0 / 3, q1.getDouble(q1.fieldIndex(GroupRewardStats.MEAN)), 1e-15);
        assertEquals(Math.sqrt(1.0 / 3), q1.getDouble(q1.fieldIndex(GroupRewardStats.STD)), 1e-15, "unbiased");
        assertEquals(3L, q1.getLong(q1.fieldIndex(GroupRewardStats.COUNT)));
        assertEquals(1.0, q1.getDouble(q1.fieldIndex(GroupRewardStats.SUM)), 0);
    }

    @Test
    void registryMatchesCoreAndRejectsUnknownNames() {
        assertEquals(AdvantageEstimators.names(), SparkAdvantageEstimators.names());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SparkAdvantages.compute(example(), "ppo"));
        assertTrue(e.getMessage().contains("'ppo'") && e.getMessage().contains("gpg-prefix"), e.getMessage());
        IllegalArgumentException kl = assertThrows(IllegalArgumentException.class,
                () -> SparkAdvantages.compute(example(), "reinforce++", -1));
        assertTrue(kl.getMessage().contains("klCoef"), kl.getMessage());
    }

    @Test
    void reinforceWithKlNeedsLogProbsAndNamesTheTrajectory() {
        Exception e = assertThrows(Exception.class,
                () -> SparkAdvantages.compute(example(), "reinforce++", 0.1).collectAsList());
        String message = String.valueOf(e.getMessage()) + " " + e.getCause();
        assertTrue(message.contains("trajectory 7/q1/") && message.contains("needs oldLogp and refLogp"), message);
    }
}
