package io.cleave.env.reward;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;

/** Creates rewards by name: {@code arpo}, {@code exact-match}, {@code f1}. */
public final class RewardRegistry {

    private static final Map<String, Supplier<Reward>> REWARDS = new TreeMap<>(Map.of(
            ArpoReward.NAME, ArpoReward::new,
            ExactMatchReward.NAME, ExactMatchReward::new,
            F1Reward.NAME, F1Reward::new));

    private RewardRegistry() {}

    /**
     * The reward called {@code name}.
     *
     * @throws IllegalArgumentException for an unknown name (the message lists the known ones)
     */
    public static Reward create(String name) {
        Supplier<Reward> factory = REWARDS.get(name);
        if (factory == null) {
            throw new IllegalArgumentException("unknown reward '" + name + "'; known rewards: " + names());
        }
        return factory.get();
    }

    /** The registered names, sorted. */
    public static Set<String> names() {
        return REWARDS.keySet();
    }
}
