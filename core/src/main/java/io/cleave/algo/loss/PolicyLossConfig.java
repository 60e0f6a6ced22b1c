package io.cleave.algo.loss;

import java.util.List;

/**
 * Settings of the policy loss.
 *
 * @param epsLow      lower clip range, ratio floor {@code 1 - epsLow} (key {@code loss.eps-low}), in (0, 1)
 * @param epsHigh     upper clip range, ratio ceiling {@code 1 + epsHigh} (key {@code loss.eps-high}), in (0, 1)
 * @param dualClip    dual-clip constant c for negative advantages (key {@code loss.dual-clip}): 0 = off, else &gt; 1
 * @param aggregation name of a {@link LossAggregations} mode (key {@code loss.aggregation})
 * @param klCoef      coefficient of the KL-to-reference term in the loss (key {@code kl.coef}), &gt;= 0; 0 = off
 * @param klEstimator {@code k1} ({@code logp - ref}) or {@code k3} ({@code exp(ref - logp) - (ref - logp) - 1})
 *                    (key {@code kl.estimator})
 * @param entropyCoef coefficient of the entropy bonus (key {@code loss.entropy-coef}), &gt;= 0; 0 = off
 */
public record PolicyLossConfig(double epsLow, double epsHigh, double dualClip, String aggregation, double klCoef,
                               String klEstimator, double entropyCoef) {

    /** Names accepted by {@code kl.estimator}. */
    public static final List<String> KL_ESTIMATORS = List.of("k1", "k3");

    /** Clip 0.2/0.2, no dual clip, token-mean, no KL (k3 when turned on), no entropy bonus. */
    public static PolicyLossConfig defaults() {
        return new PolicyLossConfig(0.2, 0.2, 0, "token-mean", 0, "k3", 0);
    }

    /** Validates every field; messages name the key and the allowed range. */
    public PolicyLossConfig {
        if (!(epsLow > 0 && epsLow < 1)) {
            throw new IllegalArgumentException("loss.eps-low must be in (0, 1), got " + epsLow);
        }
        if (!(epsHigh > 0 && epsHigh < 1)) {
            throw new IllegalArgumentException("loss.eps-high must be in (0, 1), got " + epsHigh);
        }
        if (!(dualClip == 0 || (dualClip > 1 && Double.isFinite(dualClip)))) {
            throw new IllegalArgumentException("loss.dual-clip must be 0 (off) or a finite value > 1, got " + dualClip);
        }
        if (aggregation == null || !LossAggregations.names().contains(aggregation)) {
            throw new IllegalArgumentException("loss.aggregation must be one of " + LossAggregations.names()
                    + ", got '" + aggregation + "'");
        }
        if (!(klCoef >= 0) || Double.isInfinite(klCoef)) {
            throw new IllegalArgumentException("kl.coef must be finite and >= 0, got " + klCoef);
        }
        if (klEstimator == null || !KL_ESTIMATORS.contains(klEstimator)) {
            throw new IllegalArgumentException("kl.estimator must be one of " + KL_ESTIMATORS + ", got '"
                    + klEstimator + "'");
        }
        if (!(entropyCoef >= 0) || Double.isInfinite(entropyCoef)) {
            throw new IllegalArgumentException("loss.entropy-coef must be finite and >= 0, got " + entropyCoef);
        }
    }
}
