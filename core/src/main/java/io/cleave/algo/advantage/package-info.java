/**
 * Advantage estimation: per-token advantages for every trajectory of every prompt group in a batch.
 *
 * <p>One {@link io.cleave.algo.advantage.AdvantageEstimator} interface, one input record
 * ({@link io.cleave.algo.advantage.AdvantageInput}) and one registry
 * ({@link io.cleave.algo.advantage.AdvantageEstimators}): {@code grpo}, {@code dr-grpo}, {@code rloo},
 * {@code reinforce++}, {@code gpg-prefix} (ARPO's hard attribution: calibrated shared-prefix advantages) and
 * {@code gpg-branch}. Advantages are 0 on tool-result tokens. {@link io.cleave.algo.advantage.AdvantagesReport}
 * reads a batch from JSON and prints the advantages (the {@code cleave advantages} command).
 */
package io.cleave.algo.advantage;
