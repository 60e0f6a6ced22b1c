package io.cleave.algo.loss;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class LossAggregationsTest {

    private static final boolean[][] MASK = {
            {true, true, false, true},
            {true, false, false, false},
            {false, false, false, false}};
    private static final int[][] IDS = {{0, 0, 1, 2}, {0, 0, 0, 0}, {0, 0, 0, 0}};

    private static float[][] weights(String mode) {
        return LossAggregations.get(mode).weights(MASK, IDS);
    }

    @Test
    void tokenMeanWeighsEveryPolicyTokenOfTheBatchEqually() {
        float[][] w = weights("token-mean");
        assertArrayEquals(new float[] {0.25f, 0.25f, 0, 0.25f}, w[0], 1e-7f);
        assertArrayEquals(new float[] {0.25f, 0, 0, 0}, w[1], 1e-7f);
        assertArrayEquals(new float[4], w[2]);
    }

    @Test
    void seqMeanTokenMeanAveragesWithinThenAcrossSequencesWithTokens() {
        float[][] w = weights("seq-mean-token-mean");
        assertArrayEquals(new float[] {1 / 6f, 1 / 6f, 0, 1 / 6f}, w[0], 1e-7f);
        assertArrayEquals(new float[] {0.5f, 0, 0, 0}, w[1], 1e-7f);
        assertArrayEquals(new float[4], w[2]);
    }

    @Test
    void seqMeanTokenSumSumsWithinAndAveragesAcrossSequences() {
        float[][] w = weights("seq-mean-token-sum");
        assertArrayEquals(new float[] {0.5f, 0.5f, 0, 0.5f}, w[0], 1e-7f);
        assertArrayEquals(new float[] {0.5f, 0, 0, 0}, w[1], 1e-7f);
    }

    @Test
    void macroActionMeanAveragesWithinEachMacroActionThenAcrossThem() {
        // Macro-actions with policy tokens: (0, id 0) 2 tokens, (0, id 2) 1 token, (1, id 0) 1 token -> A = 3.
        float[][] w = weights("macro-action-mean");
        assertArrayEquals(new float[] {1 / 6f, 1 / 6f, 0, 1 / 3f}, w[0], 1e-7f);
        assertArrayEquals(new float[] {1 / 3f, 0, 0, 0}, w[1], 1e-7f);
        assertThrows(IllegalArgumentException.class,
                () -> LossAggregations.get("macro-action-mean").weights(MASK, null));
    }

    @Test
    void emptyMaskGivesZeroWeights() {
        boolean[][] none = {{false, false}};
        for (String mode : LossAggregations.names()) {
            assertArrayEquals(new float[2], LossAggregations.get(mode).weights(none, new int[][] {{0, 0}})[0], mode);
        }
    }

    @Test
    void unknownModeListsKnownNames() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LossAggregations.get("sum"));
        assertEquals("unknown loss aggregation 'sum'; known: [macro-action-mean, seq-mean-token-mean, "
                + "seq-mean-token-sum, token-mean]", e.getMessage());
    }
}
