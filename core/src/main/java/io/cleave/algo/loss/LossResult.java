package io.cleave.algo.loss;

import ai.djl.ndarray.NDArray;

/**
 * The policy loss and its diagnostics over the policy tokens of the (part of the) minibatch it was computed on.
 * The diagnostics are kept as sums, so that the results of several parts of one minibatch add up to the
 * minibatch's; each mean below is a plain mean over policy tokens (not weighted by the aggregation), NaN when there
 * is no policy token.
 *
 * @param loss              scalar loss to back-propagate
 * @param policyTokens      number of policy tokens
 * @param clippedTokens     policy tokens where the clipped term binds ({@code clipped > unclipped})
 * @param dualClippedTokens policy tokens where the dual-clip bound binds (0 when dual clip is off)
 * @param klSum             sum of the k3 estimate of KL(old || new): {@code exp(old - logp) - (old - logp) - 1}
 * @param entropySum        sum of the entropies, NaN when no entropy was given
 * @param ratioSum          sum of the ratios {@code exp(logp - oldLogp)}
 */
public record LossResult(NDArray loss, long policyTokens, double clippedTokens, double dualClippedTokens,
                         double klSum, double entropySum, double ratioSum) {

    /** Fraction of policy tokens where the clipped term binds. */
    public double clipFraction() {
        return mean(clippedTokens);
    }

    /** Fraction of policy tokens where the dual-clip bound binds. */
    public double dualClipFraction() {
        return mean(dualClippedTokens);
    }

    /** Mean k3 estimate of KL(old || new). */
    public double approxKl() {
        return mean(klSum);
    }

    /** Mean entropy, NaN when no entropy was given. */
    public double meanEntropy() {
        return mean(entropySum);
    }

    /** Mean ratio {@code exp(logp - oldLogp)}. */
    public double meanRatio() {
        return mean(ratioSum);
    }

    private double mean(double sum) {
        return policyTokens == 0 ? Double.NaN : sum / policyTokens;
    }
}
