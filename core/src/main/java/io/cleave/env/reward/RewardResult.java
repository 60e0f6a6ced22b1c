package io.cleave.env.reward;

/**
 * A reward with its parts, for metrics.
 *
 * @param formatValid whether the trajectory followed the protocol
 * @param answerScore the answer's score in [0, 1] (0 when there is no answer)
 * @param bonus the extra reward (ARPO's multi-tool bonus), 0 otherwise
 * @param total the reward used for training
 * @param correct whether the answer is fully right (score 1)
 */
public record RewardResult(boolean formatValid, double answerScore, double bonus, double total, boolean correct) {}
