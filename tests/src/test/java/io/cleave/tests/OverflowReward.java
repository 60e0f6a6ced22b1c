package io.cleave.tests;

import io.cleave.env.reward.Reward;
import io.cleave.env.reward.RewardInput;
import io.cleave.env.reward.RewardResult;

/**
 * Test reward {@code overflow}, registered through {@code META-INF/services}: every trajectory scores
 * {@link Double#MAX_VALUE}, as a broken reward model might. The value is finite, so rollouts accept it, but a group's
 * reward sum overflows: advantages, loss and gradients come out NaN or infinite.
 */
public final class OverflowReward implements Reward {

    /** The registry name. */
    public static final String NAME = "overflow";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public RewardResult score(RewardInput input) {
        return new RewardResult(input.trajectory().valid(), 1, 0, Double.MAX_VALUE, false);
    }
}
