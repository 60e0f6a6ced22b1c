package io.cleave.algo.filter;

/**
 * How long dynamic sampling may go on: sample a generation batch, keep its informative groups, and sample again
 * while fewer than {@code targetGroups} were kept and fewer than {@code maxRounds} rounds have run. When the rounds
 * are spent the trainer goes on with what it kept (DAPO's bound on generation batches).
 *
 * @param targetGroups groups wanted in the training batch, &gt;= 1
 * @param maxRounds    most generation rounds per training step (key {@code dynamic-sampling.max-rounds}), &gt;= 1
 */
public record ResamplingBudget(int targetGroups, int maxRounds) {

    /** Validates both bounds. */
    public ResamplingBudget {
        if (targetGroups < 1) {
            throw new IllegalArgumentException("targetGroups must be >= 1, got " + targetGroups);
        }
        if (maxRounds < 1) {
            throw new IllegalArgumentException("dynamic-sampling.max-rounds must be >= 1, got " + maxRounds);
        }
    }

    /** Groups still missing after {@code kept} were kept: {@code max(0, targetGroups - kept)}. */
    public int stillNeeded(int kept) {
        return Math.max(0, targetGroups - kept);
    }

    /** Whether another round may run after {@code roundsDone} rounds that kept {@code kept} groups. */
    public boolean resample(int roundsDone, int kept) {
        return stillNeeded(kept) > 0 && roundsDone < maxRounds;
    }
}
