package io.cleave.algo.loss;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PolicyLossTest {

    private static NDManager manager;

    @BeforeAll
    static void openManager() {
        manager = NDManager.newBaseManager();
    }

    @AfterAll
    static void closeManager() {
        manager.close();
    }

    private static NDArray row(float... values) {
        return manager.create(values, new Shape(1, values.length));
    }

    private static NDArray logOf(float... ratios) {
        float[] logs = new float[ratios.length];
        for (int i = 0; i < logs.length; i++) {
            logs[i] = (float) Math.log(ratios[i]);
        }
        return row(logs);
    }

    private static PolicyLoss loss(double dualClip, double klCoef, String klEstimator, double entropyCoef,
                                   String aggregation) {
        return new PolicyLoss(new PolicyLossConfig(0.2, 0.2, dualClip, aggregation, klCoef, klEstimator,
                entropyCoef));
    }

    private static LossInput input(NDArray logp, NDArray adv, NDArray mask) {
        return new LossInput(logp, row(new float[(int) logp.size()]), adv, mask, null, null, null);
    }

    @Test
    void toolResultTokensGetNoGradient() {
        // Token 2 is a tool result with extreme log-probs; the others sit at ratio 1, so dl/dlogp = -A * w.
        NDArray logp = row(-1f, -2f, -1e30f, -0.5f);
        NDArray old = row(-1f, -2f, 0f, -0.5f);
        NDArray ref = row(-1f, -2f, 50f, -0.5f);
        NDArray adv = row(1f, -1f, 5f, 0.5f);
        NDArray mask = manager.create(new boolean[] {true, true, false, true}, new Shape(1, 4));
        logp.setRequiresGradient(true);
        PolicyLoss policyLoss = loss(3, 0.1, "k3", 0, "token-mean");
        try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
            LossResult result = policyLoss.compute(new LossInput(logp, old, adv, mask, ref, null, null));
            gc.backward(result.loss());
            assertEquals(-(1 - 1 + 0.5) / 3, result.loss().getFloat(), 1e-6);
        }
        float[] grad = logp.getGradient().toFloatArray();
        assertArrayEquals(new float[] {-1 / 3f, 1 / 3f, 0f, -0.5f / 3}, grad, 1e-6f);
    }

    @Test
    void clippedSurrogateAndClipFraction() {
        // ratios 1.5, 0.5, 1.1, 0.7 with A = 1, 1, -1, -1 and eps 0.2/0.2:
        // losses max(-1.5, -1.2) = -1.2 (clipped), max(-0.5, -0.8) = -0.5, 1.1, max(0.7, 0.8) = 0.8 (clipped)
        LossResult r = loss(0, 0, "k3", 0, "token-mean").compute(
                input(logOf(1.5f, 0.5f, 1.1f, 0.7f), row(1, 1, -1, -1), row(1, 1, 1, 1)));
        assertEquals((-1.2 - 0.5 + 1.1 + 0.8) / 4, r.loss().getFloat(), 1e-6);
        assertEquals(0.5, r.clipFraction(), 1e-9);
        assertEquals(0, r.dualClipFraction(), 0);
        assertEquals((1.5 + 0.5 + 1.1 + 0.7) / 4, r.meanRatio(), 1e-6);
        double kl = 0;
        for (double rho : new double[] {1.5, 0.5, 1.1, 0.7}) {
            kl += (1 / rho - 1 + Math.log(rho)) / 4;   // exp(old - logp) - (old - logp) - 1
        }
        assertEquals(kl, r.approxKl(), 1e-6);
        assertEquals(4, r.policyTokens());
        assertTrue(Double.isNaN(r.meanEntropy()));
    }

    @Test
    void precomputedWeightsReplaceTheAggregation() {
        // ratios 1 everywhere, so l = -A; the given weights, not token-mean's 1/3, aggregate: -(0.5*1 + 2*(-1) + 0)
        NDArray logp = row(-1f, -2f, -0.5f, -3f);
        NDArray adv = row(1, -1, 4, 7);
        NDArray mask = row(1, 1, 1, 0);
        NDArray weights = row(0.5f, 2f, 0f, 9f);
        LossResult r = loss(0, 0, "k3", 0, "token-mean").compute(new LossInput(logp, logp.duplicate(), adv, mask,
                null, null, null, weights));
        assertEquals(-(0.5 - 2), r.loss().getFloat(), 1e-6);
        assertEquals(3, r.policyTokens());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new LossInput(logp,
                logp.duplicate(), adv, mask, null, null, null, row(1, 1)));
        assertTrue(e.getMessage().startsWith("weights has shape"), e.getMessage());
    }

    @Test
    void clipHigherWidensOnlyTheUpperBound() {
        PolicyLoss dapo = new PolicyLoss(new PolicyLossConfig(0.2, 0.28, 0, "token-mean", 0, "k3", 0));
        LossResult r = dapo.compute(input(logOf(1.25f, 0.7f), row(1, -1), row(1, 1)));
        // 1.25 < 1.28 is not clipped: -1.25; 0.7 < 0.8 is clipped for A < 0: 0.8
        assertEquals((-1.25 + 0.8) / 2, r.loss().getFloat(), 1e-6);
        assertEquals(0.5, r.clipFraction(), 1e-9);
    }

    @Test
    void dualClipBoundsTheLossOfNegativeAdvantages() {
        // c = 3. rho 5, A -1: max(5, 1.2) = 5 -> min(5, 3) = 3 (dual bound, zero gradient).
        // rho 2, A -1: 2 < 3 stays. rho 5, A 1: max(-5, -1.2) = -1.2 (clipped; dual clip only for A < 0).
        NDArray logp = logOf(5f, 2f, 5f);
        logp.setRequiresGradient(true);
        LossResult r;
        try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
            r = loss(3, 0, "k3", 0, "token-mean").compute(input(logp, row(-1, -1, 1), row(1, 1, 1)));
            gc.backward(r.loss());
        }
        assertEquals((3 + 2 - 1.2) / 3, r.loss().getFloat(), 1e-5);
        assertEquals(1 / 3.0, r.dualClipFraction(), 1e-9);
        assertEquals(1 / 3.0, r.clipFraction(), 1e-9);
        // d/dlogp of rho * 1 / 3 at rho = 2 is 2/3; the bound and the clipped token have none.
        assertArrayEquals(new float[] {0, 2 / 3f, 0}, logp.getGradient().toFloatArray(), 1e-5f);
    }

    @Test
    void klTermInTheLossUsesTheChosenEstimator() {
        // A = 0, so only the KL counts: logp = ln 0.5, ref = ln 0.25, d = ref - logp = ln 0.5.
        NDArray logp = logOf(0.5f);
        NDArray ref = logOf(0.25f);
        LossInput in = new LossInput(logp, logp.duplicate(), row(0), row(1), ref, null, null);
        double d = Math.log(0.5);
        assertEquals(0.1 * (Math.exp(d) - d - 1), loss(0, 0.1, "k3", 0, "token-mean").compute(in).loss().getFloat(),
                1e-6);
        assertEquals(0.1 * -d, loss(0, 0.1, "k1", 0, "token-mean").compute(in).loss().getFloat(), 1e-6);
        LossInput noRef = new LossInput(logp, logp.duplicate(), row(0), row(1), null, null, null);
        assertThrows(IllegalArgumentException.class, () -> loss(0, 0.1, "k3", 0, "token-mean").compute(noRef));
    }

    @Test
    void entropyBonusLowersTheLoss() {
        NDArray logp = row(-1f, -1f, -1f);
        LossInput in = new LossInput(logp, logp.duplicate(), row(0, 0, 0), row(1, 1, 0), null, row(1f, 2f, 9f), null);
        LossResult r = loss(0, 0, "k3", 0.1, "token-mean").compute(in);
        assertEquals(-0.1 * 1.5, r.loss().getFloat(), 1e-6);
        assertEquals(1.5, r.meanEntropy(), 1e-6);
    }

    @Test
    void macroActionMeanLossMatchesItsFormula() {
        // ratio 1 everywhere: token loss = -A. Row 0 macro-actions {0: A 1, 2}, {1: A 3}; row 1 {0: A -4 (policy),
        // tool result}. Loss = (mean(-1, -2) + (-3) + (-4)) / 3.
        NDArray logp = manager.create(new float[] {-1, -1, -1, -1, -1, -1}, new Shape(2, 3));
        NDArray adv = manager.create(new float[] {1, 2, 3, -4, 7, 0}, new Shape(2, 3));
        NDArray mask = manager.create(new float[] {1, 1, 1, 1, 0, 0}, new Shape(2, 3));
        int[][] ids = {{0, 0, 1}, {0, 0, 1}};
        LossResult r = loss(0, 0, "k3", 0, "macro-action-mean")
                .compute(new LossInput(logp, logp.duplicate(), adv, mask, null, null, ids));
        assertEquals((-1.5 - 3 + 4) / 3, r.loss().getFloat(), 1e-6);
    }

    @Test
    void configValidationNamesTheKey() {
        IllegalArgumentException low = assertThrows(IllegalArgumentException.class,
                () -> new PolicyLossConfig(1.5, 0.2, 0, "token-mean", 0, "k3", 0));
        assertEquals("loss.eps-low must be in (0, 1), got 1.5", low.getMessage());
        IllegalArgumentException dual = assertThrows(IllegalArgumentException.class,
                () -> new PolicyLossConfig(0.2, 0.2, 0.5, "token-mean", 0, "k3", 0));
        assertTrue(dual.getMessage().startsWith("loss.dual-clip"), dual.getMessage());
        IllegalArgumentException kl = assertThrows(IllegalArgumentException.class,
                () -> new PolicyLossConfig(0.2, 0.2, 0, "token-mean", 0, "k2", 0));
        assertEquals("kl.estimator must be one of [k1, k3], got 'k2'", kl.getMessage());
    }

    @Test
    void inputShapesMustAgree() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new LossInput(row(0, 0), row(0, 0), row(0), row(1, 1), null, null, null));
        assertEquals("advantages has shape (1, 1), expected (1, 2)", e.getMessage());
    }
}
