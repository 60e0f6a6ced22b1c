package io.cleave.rollout.branch;

/**
 * {@code boundary}: N independent samples, then at every macro-state the segmenter chose (a
 * {@link BranchPoint.Kind#MACRO_STATE} point) fork {@code min(Z, M - leaves)} continuations, deterministically,
 * until the prompt has M leaves. Tool-result points are ignored; the uniforms are not used.
 */
final class BoundaryBranchPolicy implements BranchPolicy {

    private final BranchParams params;

    BoundaryBranchPolicy(BranchParams params) {
        this.params = params;
    }

    @Override
    public String name() {
        return "boundary";
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
        return 0;
    }

    @Override
    public int candidates(BranchPoint point) {
        if (point.kind() != BranchPoint.Kind.MACRO_STATE) {
            return 0;
        }
        return Math.max(0, Math.min(params.width(), params.budget() - point.leaves()));
    }

    @Override
    public int branches(BranchPoint point, double[] uniforms) {
        return candidates(point);
    }
}
