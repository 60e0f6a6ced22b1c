package io.cleave.train.update;

/**
 * What one policy update measured, averaged over its applied optimizer steps (NaN when none was applied).
 *
 * @param loss mean loss
 * @param entropy mean entropy of the policy on the trained tokens
 * @param clipFraction mean fraction of policy tokens whose ratio was clipped
 * @param approxKl mean approximate KL between the sampling policy and the updated policy
 * @param gradNorm mean global gradient norm before clipping
 * @param optimizerSteps optimizer steps taken
 * @param skippedUpdates minibatches not applied because their loss or gradient was not finite
 */
public record UpdateMetrics(double loss, double entropy, double clipFraction, double approxKl, double gradNorm,
        int optimizerSteps, int skippedUpdates) {}
