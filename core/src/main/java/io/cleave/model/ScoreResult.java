package io.cleave.model;

import ai.djl.ndarray.NDArray;

/**
 * Per-position results of {@link Policy#score}: for every position {@code t} of a sequence, the next token
 * {@code x[t+1]}'s log-prob and the entropy of the distribution it was drawn from.
 *
 * @param logProbs {@code log pi(x[t+1] | x[<=t])}, {@code (B, T-1)}, differentiable when autograd is on
 * @param entropies {@code -sum_v pi(v) log pi(v)} at each position, {@code (B, T-1)}, differentiable
 * @param valid 1 where {@code t + 1} is a real (non-padding) token, else 0, {@code (B, T-1)}
 */
public record ScoreResult(NDArray logProbs, NDArray entropies, NDArray valid) {}
