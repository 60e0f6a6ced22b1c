package io.cleave.train.rl;

/**
 * What {@link TrainingLoop#run} did.
 *
 * @param firstIteration first iteration run by this process
 * @param lastIteration last iteration completed ({@code firstIteration - 1} when none ran)
 * @param heldOutBefore held-out accuracy before the first iteration (NaN when not evaluated)
 * @param heldOutAfter the last held-out accuracy measured (NaN when not evaluated)
 */
public record RunResult(long firstIteration, long lastIteration, double heldOutBefore, double heldOutAfter) {}
