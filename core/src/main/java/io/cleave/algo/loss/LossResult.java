package io.cleave.algo.loss;

import ai.djl.ndarray.NDArray;

/**
 * The policy loss and its diagnostics. Every metric is a plain mean over the policy tokens of the minibatch
 * (not weighted by the aggregation); all are NaN when there is no policy token.
 *
 * @param loss             scalar loss to back-propagate
 * @param policyTokens     number of policy tokens in the minibatch
 * @param clipFraction     fraction of policy tokens where the clipped term binds ({@code clipped > unclipped})
 * @param dualClipFraction fraction of policy tokens where the dual-clip bound binds (0 when dual clip is off)
 * @param approxKl         mean k3 estimate of KL(old || new): {@code exp(old - logp) - (old - logp) - 1}
 * @param meanEntropy      mean entropy, NaN when no entropy was given
 * @param meanRatio        mean ratio {@code exp(logp - oldLogp)}
 */
public record LossResult(NDArray loss, long policyTokens, double clipFraction, double dualClipFraction,
                         double approxKl, double meanEntropy, double meanRatio) {}
