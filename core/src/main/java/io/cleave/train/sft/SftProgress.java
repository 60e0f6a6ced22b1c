package io.cleave.train.sft;

/**
 * What one finished step of {@link SftTrainer} reports to an {@link SftListener}.
 *
 * @param step steps completed so far in the run (1-based; counts steps done before a resume)
 * @param totalSteps steps of the whole run
 * @param loss the step's mean negative log-likelihood of its target tokens (before the update)
 * @param learningRate the learning rate the step's update used
 * @param gradNorm global L2 norm of the gradient before clipping
 * @param tokens tokens in the step's batch (context and targets)
 * @param targetTokens target tokens in the step's batch
 * @param tokensPerSecond {@code tokens} over the step's time (forward, backward, clipping, update)
 */
public record SftProgress(long step, long totalSteps, double loss, double learningRate, double gradNorm, int tokens,
        int targetTokens, double tokensPerSecond) {}
