package io.cleave.rollout.branch;

/**
 * {@code arpo}: entropy-based adaptive beaming after tool results (Dong et al. 2025).
 *
 * <p>At a {@link BranchPoint.Kind#TOOL_RESULT} point with {@code leaves} paths so far there are
 * {@code c = min(Z, M - leaves)} candidate branches (none once the budget M is reached). The entropy change is
 * <pre>
 *   dH = mean(afterEntropy[0..k)) - mean(startEntropy[0..k))
 * </pre>
 * over normalised entropies (already divided by log|V|), each window cut to what is available (an empty window
 * counts as 0). Each candidate i, with its own uniform {@code u_i}, becomes a branch when
 * <ul>
 *   <li>rule {@code sampled} (ARPO's released code, the default): {@code clip(u_i - beta * dH, 0, 1) <= tau}, i.e.
 *       a branch with probability {@code clip(tau + beta * dH, 0, 1)} for {@code tau < 1}; alpha is not used (the
 *       paper's base probability alpha plays the part of tau here, and ARPO sets both to 0.5);</li>
 *   <li>rule {@code threshold} (the paper's formula): {@code alpha + beta * dH > tau}, the same for every candidate;
 *       the uniforms are not used.</li>
 * </ul>
 * Macro-state points are ignored. When all paths end with fewer than M leaves, {@link #topUp(int)} fresh samples
 * fill the budget.
 */
final class ArpoBranchPolicy implements BranchPolicy {

    private final BranchParams params;

    ArpoBranchPolicy(BranchParams params) {
        this.params = params;
    }

    @Override
    public String name() {
        return "arpo";
    }

    @Override
    public int initialSamples() {
        return params.initialSamples();
    }

    @Override
    public int budget() {
        return params.budget();
    }

    @Override
    public int lookahead() {
        return params.lookahead();
    }

    @Override
    public int candidates(BranchPoint point) {
        if (point.kind() != BranchPoint.Kind.TOOL_RESULT) {
            return 0;
        }
        return Math.max(0, Math.min(params.width(), params.budget() - point.leaves()));
    }

    @Override
    public int branches(BranchPoint point, double[] uniforms) {
        int candidates = candidates(point);
        if (uniforms.length < candidates) {
            throw new IllegalArgumentException("need " + candidates + " uniforms, got " + uniforms.length);
        }
        double dH = entropyChange(point);
        int count = 0;
        for (int i = 0; i < candidates; i++) {
            if (uniforms[i] < 0 || uniforms[i] >= 1) {
                throw new IllegalArgumentException("uniforms[" + i + "] must be in [0, 1), got " + uniforms[i]);
            }
            if (decide(dH, uniforms[i])) {
                count++;
            }
        }
        return count;
    }

    /** The normalised entropy change dH of a tool-result point, over the first k tokens of each window. */
    double entropyChange(BranchPoint point) {
        return windowMean(point.afterEntropy()) - windowMean(point.startEntropy());
    }

    /** One candidate's decision for entropy change {@code dH} and uniform {@code u}. */
    boolean decide(double dH, double u) {
        if (params.rule().equals("threshold")) {
            return params.alpha() + params.beta() * dH > params.tau();
        }
        double p = Math.max(0, Math.min(1, u - params.beta() * dH));
        return p <= params.tau();
    }

    private double windowMean(float[] entropy) {
        int n = Math.min(params.lookahead(), entropy.length);
        if (n == 0) {
            return 0;
        }
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += entropy[i];
        }
        return sum / n;
    }
}
