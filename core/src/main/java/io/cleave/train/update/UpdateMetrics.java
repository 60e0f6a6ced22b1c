package io.cleave.train.update;

/**
 * What one policy update measured, averaged over its applied optimizer steps.
 *
 * @param steps optimizer steps taken
 * @param loss mean loss
 * @param clipFraction mean fraction of policy tokens whose ratio was clipped
 * @param approxKl mean approximate KL between the sampling policy and the updated policy
 * @param entropy mean entropy of the policy on the trained tokens
 * @param gradNorm mean global gradient norm before clipping
 * @param policyTokens policy tokens trained on (per epoch)
 * @param skippedSteps minibatches not applied because their loss or gradient was not finite
 */
public record UpdateMetrics(int steps, double loss, double clipFraction, double approxKl, double entropy,
        double gradNorm, long policyTokens, int skippedSteps) {}
