package io.cleave.env.demo;

import io.cleave.env.util.Options;

/**
 * How often a scripted expert errs, per planned tool call; each probability in [0, 1].
 *
 * @param skipToolProb it skips the call (and every later one) and guesses the answer from what it has seen
 * @param wrongCallProb it issues a wrong call: another operator in an expression, another name as a query
 * @param slipOperandProb it slips: a number in an expression off by 1 to 3, a letter of a query mistyped
 */
public record ExpertNoise(double skipToolProb, double wrongCallProb, double slipOperandProb) {

    /** Checks the ranges. */
    public ExpertNoise {
        check("skipToolProb", skipToolProb);
        check("wrongCallProb", wrongCallProb);
        check("slipOperandProb", slipOperandProb);
    }

    /** No noise: the expert follows its plan exactly. */
    public static ExpertNoise none() {
        return new ExpertNoise(0.0, 0.0, 0.0);
    }

    /** Reads the three keys (named like the fields), {@link #none()} for unset keys. */
    public static ExpertNoise fromOptions(Options options) {
        ExpertNoise d = none();
        return new ExpertNoise(options.getDouble("skipToolProb", d.skipToolProb()),
                options.getDouble("wrongCallProb", d.wrongCallProb()),
                options.getDouble("slipOperandProb", d.slipOperandProb()));
    }

    private static void check(String field, double p) {
        if (!(p >= 0.0 && p <= 1.0)) {
            throw new IllegalArgumentException("ExpertNoise." + field + " must be in [0, 1], got " + p);
        }
    }
}
