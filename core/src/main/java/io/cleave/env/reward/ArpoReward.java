package io.cleave.env.reward;

import io.cleave.env.protocol.ParsedTrajectory;

/**
 * The ARPO reward (Dong et al. 2025):
 *
 * <pre>
 *   total = -1                          if the format is broken
 *         = s + 0.1 * [s = 1 and k > 1]  otherwise
 * </pre>
 *
 * where {@code s} is the answer score under the task's {@link AnswerMetric} (exact match or F1) and {@code k} the
 * number of distinct tools called. So a wrong answer (s = 0) gets 0, a partial F1 answer gets its F1 without bonus,
 * and "right" means s = 1 (for F1: the normalised token multisets are equal).
 */
public final class ArpoReward implements Reward {

    /** Registry name. */
    public static final String NAME = "arpo";
    /** Reward of a trajectory whose format is broken. */
    public static final double FORMAT_PENALTY = -1.0;
    /** Bonus of a right answer reached with more than one kind of tool. */
    public static final double MULTI_TOOL_BONUS = 0.1;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public RewardResult score(RewardInput input) {
        ParsedTrajectory t = input.trajectory();
        if (!t.valid() || t.answer().isEmpty()) {
            return new RewardResult(false, 0.0, 0.0, FORMAT_PENALTY, false);
        }
        double s = input.metric().score(t.answer().get(), input.gold());
        boolean correct = s == 1.0;
        double bonus = correct && t.toolKinds().size() > 1 ? MULTI_TOOL_BONUS : 0.0;
        return new RewardResult(true, s, bonus, s + bonus, correct);
    }
}
