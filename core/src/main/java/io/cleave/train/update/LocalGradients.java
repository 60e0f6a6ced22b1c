package io.cleave.train.update;

import io.cleave.model.Policy;

/**
 * The minibatch gradient computed in this process, as one shard holding every row.
 *
 * @param policy    the policy being trained
 * @param reference frozen reference for the KL term in the loss, or null
 * @param shard     the loss and scoring settings
 */
public record LocalGradients(Policy policy, Policy reference, BackwardPass shard) implements GradientSource {

    @Override
    public LossGradient gradients(MinibatchPlan plan) {
        return shard.compute(policy, reference, plan.rows());
    }
}
