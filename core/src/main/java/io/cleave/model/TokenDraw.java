package io.cleave.model;

/**
 * One sampled token per row.
 *
 * @param tokens chosen token ids {@code (R)}
 * @param logProbs log-probability of each chosen token under {@code softmax(logits / T)} {@code (R)}
 * @param entropies entropy of each row's distribution, in nats {@code (R)}
 */
public record TokenDraw(int[] tokens, float[] logProbs, float[] entropies) {}
