package io.cleave.train.update;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cleave.algo.loss.LossAggregations;
import java.util.LinkedHashMap;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Minibatch weights over all rows, their shards, and the sums of shard gradients, by hand. */
class MinibatchPlanTest {

    /** Prompt of 2 tokens, then 3 generated: scored at positions 1, 2, 3 of 4. */
    private static final TrainingSequence THREE_POLICY_TOKENS = new TrainingSequence(new int[] {5, 6, 7, 8, 9}, 2,
            new boolean[] {true, true, true}, new float[3], new float[3], new int[] {0, 0, 1});
    /** Prompt of 3 tokens, then 2 generated of which the second is a tool result: scored at positions 2, 3. */
    private static final TrainingSequence ONE_POLICY_TOKEN = new TrainingSequence(new int[] {5, 6, 7, 8, 9}, 3,
            new boolean[] {true, false}, new float[2], new float[2], new int[] {7, 7});

    @Test
    void tokenMeanWeighsEveryPolicyTokenOfTheMinibatchAlike() {
        MinibatchPlan plan = MinibatchPlan.of(List.of(THREE_POLICY_TOKENS, ONE_POLICY_TOKEN),
                LossAggregations.get("token-mean"));
        assertArrayEquals(new float[] {0, 0.25f, 0.25f, 0.25f}, plan.rows().get(0).weights());
        assertArrayEquals(new float[] {0, 0, 0.25f, 0}, plan.rows().get(1).weights());
        assertEquals(List.of(plan.rows().get(1)), plan.shard(1, 2));
    }

    @Test
    void macroActionMeanUsesTheMacroActionsOfTheWholeMinibatch() {
        // three macro-actions in the minibatch: (row 0, id 0) of 2 tokens, (row 0, id 1) and (row 1, id 7) of 1
        MinibatchPlan plan = MinibatchPlan.of(List.of(THREE_POLICY_TOKENS, ONE_POLICY_TOKEN),
                LossAggregations.get("macro-action-mean"));
        assertArrayEquals(new float[] {0, 1 / 6f, 1 / 6f, 1 / 3f}, plan.rows().get(0).weights(), 1e-7f);
        assertArrayEquals(new float[] {0, 0, 1 / 3f, 0}, plan.rows().get(1).weights(), 1e-7f);
    }

    @Test
    void aWeightedRowNeedsOneWeightPerScoredPosition() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new WeightedSequence(ONE_POLICY_TOKEN, new float[3]));
        assertTrue(e.getMessage().contains("needs 4 weights, got 3"), e.getMessage());
    }

    private static LossGradient shard(float[] a, float[] b, double loss, long tokens, double clipped) {
        LinkedHashMap<String, float[]> g = new LinkedHashMap<>();
        g.put("a", a);
        g.put("b", b);
        return new LossGradient(g, loss, tokens, clipped, tokens * 0.1, tokens * 2.0);
    }

    @Test
    void shardGradientsAddUpInOrder() {
        LossGradient first = shard(new float[] {1, 2}, new float[] {3}, 0.5, 4, 1);
        LossGradient second = shard(new float[] {0.5f, -1}, new float[] {-3}, -0.25, 6, 2);
        LossGradient sum = LossGradient.sum(List.of(first, second));
        assertArrayEquals(new float[] {1.5f, 1}, sum.gradients().get("a"));
        assertArrayEquals(new float[] {0}, sum.gradients().get("b"));
        assertEquals(0.25, sum.loss());
        assertEquals(10, sum.policyTokens());
        assertEquals(0.3, sum.clipFraction(), 1e-12);
        assertEquals(0.1, sum.approxKl(), 1e-12);
        assertEquals(2.0, sum.meanEntropy(), 1e-12);
        assertArrayEquals(new float[] {1, 2}, first.gradients().get("a"), "parts are left unchanged");
        assertTrue(Double.isNaN(shard(new float[2], new float[1], 0, 0, 0).clipFraction()));
    }

    @Test
    void shardGradientsOfDifferentParametersDoNotAdd() {
        LinkedHashMap<String, float[]> other = new LinkedHashMap<>();
        other.put("a", new float[2]);
        LossGradient part = shard(new float[2], new float[1], 0, 1, 0);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LossGradient.sum(List.of(part, new LossGradient(other, 0, 1, 0, 0, 0))));
        assertTrue(e.getMessage().contains("different parameters"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> LossGradient.sum(List.of()));
    }
}
