package io.cleave.train.update;

/**
 * Where the update computes the gradient of a minibatch: in this process ({@link LocalGradients}), or split over
 * workers whose shard gradients are summed in a fixed order (the Spark job's data-parallel mode). The update then
 * clips and steps the optimizer the same way whatever the source.
 */
public interface GradientSource {

    /** The gradient of the whole minibatch's loss and its metric sums: the sum of its shards' in row order. */
    LossGradient gradients(MinibatchPlan plan);
}
