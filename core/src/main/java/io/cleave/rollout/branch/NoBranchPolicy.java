package io.cleave.rollout.branch;

/** {@code none}: N independent samples per prompt, never a branch; the budget is N (M is ignored). */
final class NoBranchPolicy implements BranchPolicy {

    private final int samples;

    NoBranchPolicy(BranchParams params) {
        this.samples = params.initialSamples();
    }

    @Override
    public String name() {
        return "none";
    }

    @Override
    public int initialSamples() {
        return samples;
    }

    @Override
    public int budget() {
        return samples;
    }

    @Override
    public int lookahead() {
        return 0;
    }

    @Override
    public int candidates(BranchPoint point) {
        return 0;
    }

    @Override
    public int branches(BranchPoint point, double[] uniforms) {
        return 0;
    }
}
