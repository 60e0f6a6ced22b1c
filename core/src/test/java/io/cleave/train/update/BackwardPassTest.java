package io.cleave.train.update;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cleave.algo.loss.LossAggregations;
import io.cleave.algo.loss.PolicyLossConfig;
import io.cleave.model.Policy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Gradients of a minibatch computed in shards, with the aggregation weights of the whole minibatch, sum to the
 * gradient of one backward pass over the minibatch, for every aggregation mode, with every loss term on (clip,
 * dual clip, KL to a reference, entropy bonus). Shards are scored in batches of a different width than the whole
 * minibatch and their float32 partial gradients are added in another order than autograd's, so equality holds to
 * float rounding: every tensor's gradient to 1e-6 in relative L2 norm (measured: at most 2.4e-7).
 */
class BackwardPassTest {

    private static final double TOLERANCE = 1e-6;
    /** Uneven shards of the 7 rows: two rows (one without policy tokens), one row, four rows. */
    private static final int[][] SHARDS = {{0, 2}, {2, 3}, {3, 7}};

    private static Policy policy;
    private static Policy reference;
    private static List<TrainingSequence> rows;

    @BeforeAll
    static void setUp() {
        policy = SyntheticSequences.policy(11);
        reference = SyntheticSequences.policy(12);
        rows = SyntheticSequences.rows(policy, 7, 5);
    }

    @AfterAll
    static void tearDown() {
        policy.close();
        reference.close();
    }

    private static BackwardPass shard(String aggregation) {
        return new BackwardPass(new PolicyLossConfig(0.2, 0.28, 3.0, aggregation, 0.05, "k3", 0.01),
                SyntheticSequences.TEMPERATURE);
    }

    private static LossGradient inShards(BackwardPass shard, MinibatchPlan plan) {
        List<LossGradient> parts = new ArrayList<>();
        for (int[] range : SHARDS) {
            parts.add(shard.compute(policy, reference, plan.shard(range[0], range[1])));
        }
        return LossGradient.sum(parts);
    }

    /** Largest over tensors of the relative L2 difference {@code ||a - b|| / ||a||} ({@code ||b||} when a = 0). */
    private static double maxRelativeDifference(Map<String, float[]> a, Map<String, float[]> b) {
        double worst = 0;
        for (Map.Entry<String, float[]> e : a.entrySet()) {
            float[] x = e.getValue();
            float[] y = b.get(e.getKey());
            double diff = 0;
            double scale = 0;
            for (int i = 0; i < x.length; i++) {
                diff += ((double) x[i] - y[i]) * ((double) x[i] - y[i]);
                scale += (double) x[i] * x[i];
            }
            worst = Math.max(worst, scale == 0 ? Math.sqrt(diff) : Math.sqrt(diff / scale));
        }
        return worst;
    }

    private static double norm(Map<String, float[]> gradients) {
        double squares = 0;
        for (float[] g : gradients.values()) {
            for (float v : g) {
                squares += (double) v * v;
            }
        }
        return Math.sqrt(squares);
    }

    @ParameterizedTest
    @ValueSource(strings = {"token-mean", "seq-mean-token-mean", "seq-mean-token-sum", "macro-action-mean"})
    void shardGradientsSumToTheMinibatchGradient(String aggregation) {
        BackwardPass shard = shard(aggregation);
        MinibatchPlan plan = MinibatchPlan.of(rows, LossAggregations.get(aggregation));
        LossGradient whole = shard.compute(policy, reference, plan.rows());
        LossGradient summed = inShards(shard, plan);

        double difference = maxRelativeDifference(whole.gradients(), summed.gradients());
        assertTrue(difference <= TOLERANCE, aggregation + ": relative difference " + difference);
        double norm = norm(whole.gradients());
        assertTrue(norm > 1e-3, "a non-trivial gradient, norm " + norm);
        assertEquals(whole.loss(), summed.loss(), 1e-6 * Math.abs(whole.loss()) + 1e-9);
        assertEquals(whole.policyTokens(), summed.policyTokens());
        assertEquals(whole.clippedTokens(), summed.clippedTokens());
        assertTrue(whole.clippedTokens() > 0 && whole.clippedTokens() < whole.policyTokens(),
                "some but not all tokens clipped: " + whole.clippedTokens() + " of " + whole.policyTokens());
        assertEquals(whole.klSum(), summed.klSum(), 1e-5 * whole.klSum());
        assertEquals(whole.entropySum(), summed.entropySum(), 1e-5 * whole.entropySum());
    }

    @Test
    void shardsNormalisedOnTheirOwnDoNotSumToTheMinibatchGradient() {
        BackwardPass shard = shard("token-mean");
        LossGradient whole = shard.compute(policy, reference,
                MinibatchPlan.of(rows, LossAggregations.get("token-mean")).rows());
        List<LossGradient> parts = new ArrayList<>();
        for (int[] range : SHARDS) {
            parts.add(shard.compute(policy, reference,
                    MinibatchPlan.of(rows.subList(range[0], range[1]), LossAggregations.get("token-mean")).rows()));
        }
        assertTrue(maxRelativeDifference(whole.gradients(), LossGradient.sum(parts).gradients()) > 0.1);
    }

    @Test
    void oneShardOfEveryRowIsTheMinibatch() {
        BackwardPass shard = shard("seq-mean-token-mean");
        MinibatchPlan plan = MinibatchPlan.of(rows, LossAggregations.get("seq-mean-token-mean"));
        LossGradient once = shard.compute(policy, reference, plan.rows());
        LossGradient again = shard.compute(policy, reference, plan.shard(0, plan.size()));
        assertEquals(0, maxRelativeDifference(once.gradients(), again.gradients()), "gradients are zeroed first");
        assertEquals(once.loss(), again.loss());
    }

    @Test
    void aRowWithoutPolicyTokensHasZeroGradient() {
        BackwardPass shard = shard("token-mean");
        MinibatchPlan plan = MinibatchPlan.of(rows, LossAggregations.get("token-mean"));
        LossGradient silent = shard.compute(policy, reference, plan.shard(1, 2));
        assertEquals(0, silent.policyTokens());
        assertEquals(0, silent.loss());
        for (float[] g : silent.gradients().values()) {
            for (float v : g) {
                assertEquals(0f, v);
            }
        }
    }

    @Test
    void anEmptyShardIsRefused() {
        BackwardPass shard = shard("token-mean");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> shard.compute(policy, null, List.of()));
        assertTrue(e.getMessage().contains("at least one row"), e.getMessage());
    }
}
