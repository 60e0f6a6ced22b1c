package io.cleave.env.reward;

/**
 * 1 when the answer matches the gold answer ({@link AnswerScoring#exactMatch}), else 0; 0 without an answer. The
 * format is reported but not penalised, whatever the task's metric.
 */
public final class ExactMatchReward implements Reward {

    /** Registry name. */
    public static final String NAME = "exact-match";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public RewardResult score(RewardInput input) {
        double s = input.trajectory().answer().map(a -> AnswerScoring.exactMatch(a, input.gold())).orElse(0.0);
        return new RewardResult(input.trajectory().valid(), s, 0.0, s, s == 1.0);
    }
}
