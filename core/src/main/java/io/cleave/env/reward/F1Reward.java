package io.cleave.env.reward;

/**
 * The answer's SQuAD token F1 against the gold answer ({@link AnswerScoring#f1}); 0 without an answer. The format
 * is reported but not penalised, whatever the task's metric.
 */
public final class F1Reward implements Reward {

    /** Registry name. */
    public static final String NAME = "f1";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public RewardResult score(RewardInput input) {
        double s = input.trajectory().answer().map(a -> AnswerScoring.f1(a, input.gold())).orElse(0.0);
        return new RewardResult(input.trajectory().valid(), s, 0.0, s, s == 1.0);
    }
}
