package io.cleave.rollout.branch;

import java.util.List;

/**
 * Parameters of the branch policies (each reads only its own).
 *
 * @param initialSamples N, independent samples per prompt (key {@code branch.initial-samples}), &gt;= 1
 * @param budget         M, leaves per prompt (key {@code branch.budget}), &gt;= N; {@code none} ignores it
 * @param width          Z, continuations forked per branch decision (key {@code branch.width}), &gt;= 1
 * @param alpha          ARPO base branch probability (key {@code branch.alpha}), in [0, 1]; used by the
 *                       {@code threshold} rule
 * @param beta           ARPO weight of the entropy change (key {@code branch.beta}), finite
 * @param tau            ARPO threshold (key {@code branch.tau}), in [0, 1]
 * @param lookahead      k, tokens after a tool result whose mean entropy is compared with the start of the
 *                       trajectory (key {@code branch.lookahead}), &gt;= 1
 * @param rule           ARPO decision rule (key {@code branch.rule}): {@code sampled} (ARPO's released code) or
 *                       {@code threshold} (the paper's formula); see {@link ArpoBranchPolicy}
 */
public record BranchParams(int initialSamples, int budget, int width, double alpha, double beta, double tau,
                           int lookahead, String rule) {

    /** Names accepted by {@code branch.rule}. */
    public static final List<String> RULES = List.of("sampled", "threshold");

    /** ARPO's published settings: N 8, M 16, Z 1, alpha 0.5, beta 0.2, tau 0.5, k 20, sampled rule. */
    public static BranchParams defaults() {
        return new BranchParams(8, 16, 1, 0.5, 0.2, 0.5, 20, "sampled");
    }

    /** Validates every field; messages name the key. */
    public BranchParams {
        if (initialSamples < 1) {
            throw new IllegalArgumentException("branch.initial-samples (N) must be >= 1, got " + initialSamples);
        }
        if (budget < initialSamples) {
            throw new IllegalArgumentException("branch.budget (M) = " + budget
                    + " must be >= branch.initial-samples (N) = " + initialSamples);
        }
        if (width < 1) {
            throw new IllegalArgumentException("branch.width (Z) must be >= 1, got " + width);
        }
        if (!(alpha >= 0 && alpha <= 1)) {
            throw new IllegalArgumentException("branch.alpha must be in [0, 1], got " + alpha);
        }
        if (!Double.isFinite(beta)) {
            throw new IllegalArgumentException("branch.beta must be finite, got " + beta);
        }
        if (!(tau >= 0 && tau <= 1)) {
            throw new IllegalArgumentException("branch.tau must be in [0, 1], got " + tau);
        }
        if (lookahead < 1) {
            throw new IllegalArgumentException("branch.lookahead (k) must be >= 1, got " + lookahead);
        }
        if (rule == null || !RULES.contains(rule)) {
            throw new IllegalArgumentException("branch.rule must be one of " + RULES + ", got '" + rule + "'");
        }
    }

    /** A copy with other N and M. */
    public BranchParams withSamples(int n, int m) {
        return new BranchParams(n, m, width, alpha, beta, tau, lookahead, rule);
    }
}
