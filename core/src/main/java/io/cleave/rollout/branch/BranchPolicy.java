package io.cleave.rollout.branch;

/**
 * Where and how much a prompt's rollouts branch. Implementations are pure and stateless: every decision depends
 * only on its arguments, randomness included (the engine passes uniform numbers it derived with
 * {@link SeedDerivation}).
 *
 * <p>Engine protocol per prompt: start {@link #initialSamples()} independent paths; after a tool result generate
 * {@link #lookahead()} more tokens, then at each {@link BranchPoint} draw {@link #candidates(BranchPoint)} uniforms
 * and fork {@link #branches(BranchPoint, double[])} continuations from that macro-state; when every path has ended,
 * start {@link #topUp(int)} fresh independent samples.
 */
public interface BranchPolicy {

    /** The registry name. */
    String name();

    /** N: independent samples started per prompt. */
    int initialSamples();

    /** M: the most leaves a prompt may reach. */
    int budget();

    /** Tokens the engine generates after a tool result before asking for a decision (0 when not needed). */
    int lookahead();

    /** How many continuations could be forked here at most, which is also how many uniforms to pass; 0 = none. */
    int candidates(BranchPoint point);

    /**
     * How many continuations to fork at this point, in {@code [0, candidates(point)]}.
     *
     * @param uniforms at least {@code candidates(point)} numbers in [0, 1), one per candidate
     */
    int branches(BranchPoint point, double[] uniforms);

    /**
     * Fresh independent samples to add when every path ended with {@code leaves} leaves:
     * {@code max(0, M - leaves)}.
     */
    default int topUp(int leaves) {
        return Math.max(0, budget() - leaves);
    }
}
