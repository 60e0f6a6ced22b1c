package io.cleave.spark.advantage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cleave.algo.advantage.AdvantagesJson;
import io.cleave.spark.rows.TrajectoryRow;
import io.cleave.spark.rows.TrajectoryRows;
import io.cleave.spark.testing.TestSpark;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.junit.jupiter.api.Test;

/** Hand-computed values of the documented example, the result's schema, and the entry point's errors. */
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
    void reinforcePlusPlusWhitensOverTheWholeBatch() {
        // No KL: every policy token's return is its trajectory's reward. Policy tokens: 5 with 1 (sample 0), 5 with
        // 0 (sample 1), 7 with 0 (sample 2), 2 with 5 (group "alone"): 19 tokens, sum 15, sum of squares 55.
        double mean = 15.0 / 19;
        double std = Math.sqrt((55 - 15.0 * 15 / 19) / 18);
        Dataset<Row> scored = SparkAdvantages.compute(example(), "reinforce++");
        float one = (float) ((1 - mean) / std);
        assertArrayEquals(new float[] {one, one, one, 0, one, one}, advantages(scored, "q1", 0), 1e-6f);
        float five = (float) ((5 - mean) / std);
        assertArrayEquals(new float[] {five, five}, advantages(scored, "alone", 0), 1e-6f);
    }

    @Test
    void resultKeepsTheTrajectoryColumnsAndAddsFloatAdvantages() {
        Dataset<Row> scored = SparkAdvantages.compute(example().toDF().select(TrajectoryRow.REWARD,
                TrajectoryRow.PROMPT_ID, TrajectoryRow.ITERATION, TrajectoryRow.SAMPLE_INDEX, TrajectoryRow.TOKENS,
                TrajectoryRow.POLICY_MASK, TrajectoryRow.TOKEN_TEXT, TrajectoryRow.ENTROPY, TrajectoryRow.TOKEN_NODE,
                TrajectoryRow.PATH, TrajectoryRow.NODE_PARENTS, TrajectoryRow.PARENT_SAMPLE, TrajectoryRow.BRANCH_POS,
                TrajectoryRow.OLD_LOGP, TrajectoryRow.REF_LOGP), "grpo");
        assertEquals(List.of(TrajectoryRow.REWARD, TrajectoryRow.PROMPT_ID, TrajectoryRow.ITERATION),
                List.of(scored.columns()).subList(0, 3), "input order kept");
        assertEquals(16, scored.columns().length);
        assertEquals(DataTypes.FloatType, ((org.apache.spark.sql.types.ArrayType) scored.schema()
                .apply(SparkAdvantages.ADVANTAGES).dataType()).elementType());
        assertEquals(4, scored.count());
    }

    @Test
    void unknownNamesAndBadKlCoefficientsAreRefusedBeforeAnyJob() {
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
        assertTrue(message.contains("trajectory 7/") && message.contains("needs oldLogp and refLogp"), message);
    }
}
