/**
 * Advantage estimation: per-token advantages for every trajectory of every prompt group in a batch.
 *
 * <p>One {@link io.cleave.algo.advantage.AdvantageEstimator} interface, one input record per group
 * ({@link io.cleave.algo.advantage.AdvantageGroup}; {@link io.cleave.algo.advantage.AdvantageInput} for a batch) and
 * one registry ({@link io.cleave.algo.advantage.AdvantageEstimators}): {@code grpo}, {@code dr-grpo}, {@code rloo},
 * {@code reinforce++}, {@code gpg-prefix} (ARPO's hard attribution: calibrated shared-prefix advantages) and
 * {@code gpg-branch}. Each estimator works one prompt group at a time; {@code reinforce++} then whitens over the
 * batch with exact {@link io.cleave.algo.advantage.TokenMoments}, so the single-process trainer and the Spark job
 * (which runs the same code on its executors) give the same bits. Advantages are 0 on tool-result tokens.
 * {@link io.cleave.algo.advantage.AdvantagesReport} reads a batch from JSON and prints the advantages (the
 * {@code cleave advantages} command).
 */
package io.cleave.algo.advantage;
