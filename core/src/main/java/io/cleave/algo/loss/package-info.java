/**
 * The policy loss on DJL NDArrays: per-token clipped surrogate with clip-higher and optional dual clip, optional KL
 * to a frozen reference and entropy bonus, aggregated over tokens by a named mode.
 *
 * <p>{@link io.cleave.algo.loss.PolicyLoss} computes {@code loss = sum(weights * tokenLoss)} from a
 * {@link io.cleave.algo.loss.LossInput} and returns a {@link io.cleave.algo.loss.LossResult}; the weights come from
 * a {@link io.cleave.algo.loss.LossAggregation} in the {@link io.cleave.algo.loss.LossAggregations} registry
 * ({@code token-mean}, {@code seq-mean-token-mean}, {@code seq-mean-token-sum}, {@code macro-action-mean}), computed
 * on the host from the policy mask and macro-action ids. Tool-result tokens have weight 0 and get no gradient.
 */
package io.cleave.algo.loss;
