package io.cleave.algo.advantage;

/**
 * Turns a batch of prompt groups into per-token advantages.
 *
 * <p>The result has shape {@code [group][trajectory][token]}: one float per generated token of every trajectory,
 * in the input order, and 0 on every tool-result token. Estimators are stateless and thread-safe.
 */
public interface AdvantageEstimator {

    /** The registry name. */
    String name();

    /** Per-token advantages, {@code [group][trajectory](L)}. */
    float[][][] estimate(AdvantageInput input);
}
