package io.cleave.env.tasks;

import io.cleave.env.util.StableHash;

/**
 * Train or test. A problem's split is a pure function of its identity (its prompt text, or its row id):
 * {@code TEST} when {@code StableHash.unit(key) < testFraction}. The same problem therefore lands in the same
 * split for every seed and every run, and no test problem can ever be generated for training.
 */
public enum Split {
    /** Problems used for training. */
    TRAIN,
    /** Held-out problems. */
    TEST;

    /** The split of the problem identified by {@code key}. */
    public static Split of(String key, double testFraction) {
        return StableHash.unit(key) < testFraction ? TEST : TRAIN;
    }

    /** Checks a test fraction: in (0, 1); the message names {@code field}. */
    public static double checkFraction(String field, double testFraction) {
        if (!(testFraction > 0.0 && testFraction < 1.0)) {
            throw new IllegalArgumentException(field + " must be in (0, 1), got " + testFraction);
        }
        return testFraction;
    }
}
