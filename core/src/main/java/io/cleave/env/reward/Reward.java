package io.cleave.env.reward;

/** Scores a finished trajectory against its gold answer. Implementations are stateless and thread-safe. */
public interface Reward {

    /** The registry name. */
    String name();

    /** The reward with its parts. */
    RewardResult score(RewardInput input);
}
