package io.cleave.env.tasks.arith;

import io.cleave.env.tasks.Split;
import io.cleave.env.util.Options;
import java.util.Set;

/**
 * Settings of the {@code arith} suite.
 *
 * @param difficulty 1 to 4: the number of calc steps is {@code min(4, difficulty + 1)} and operands grow with it
 *     (up to 9, 12, 12, 99)
 * @param testFraction share of the problem space held out for testing, in (0, 1)
 */
public record ArithConfig(int difficulty, double testFraction) {

    /** Option key of {@link #difficulty}. */
    public static final String DIFFICULTY = "difficulty";
    /** Option key of {@link #testFraction}. */
    public static final String TEST_FRACTION = "testFraction";

    /** Checks the ranges. */
    public ArithConfig {
        if (difficulty < 1 || difficulty > 4) {
            throw new IllegalArgumentException("arith difficulty must be in [1, 4], got " + difficulty);
        }
        Split.checkFraction("arith testFraction", testFraction);
    }

    /** Difficulty 2 (three steps), 20% held out. */
    public static ArithConfig defaults() {
        return new ArithConfig(2, 0.2);
    }

    /** Reads {@code difficulty} and {@code testFraction}, defaults for unset keys. */
    public static ArithConfig fromOptions(Options options) {
        options.requireKnown(Set.of(DIFFICULTY, TEST_FRACTION), Set.of(), "task suite arith");
        ArithConfig d = defaults();
        return new ArithConfig(options.getInt(DIFFICULTY, d.difficulty()),
                options.getDouble(TEST_FRACTION, d.testFraction()));
    }

    /** Number of calc calls a problem needs. */
    public int steps() {
        return Math.min(4, difficulty + 1);
    }

    /** Largest operand. */
    public int maxOperand() {
        return switch (difficulty) {
            case 1 -> 9;
            case 2, 3 -> 12;
            default -> 99;
        };
    }
}
