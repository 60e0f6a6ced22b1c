package io.cleave.tests;

import io.cleave.env.reward.Reward;
import io.cleave.env.reward.RewardInput;
import io.cleave.env.reward.RewardResult;

/**
 * Test reward {@code nan}, registered through {@code META-INF/services}: every trajectory scores NaN, as a broken
 * reward model or verifier would, so advantages, loss and gradients of every update are NaN.
 */
public final class NanReward implements Reward {

    /** The registry name. */
    public static final String NAME = "nan";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public RewardResult score(RewardInput input) {
        return new RewardResult(input.trajectory().valid(), Double.NaN, 0, Double.NaN, false);
    }
}
