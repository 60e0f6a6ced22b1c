package io.cleave.env.reward;

import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * Creates rewards by name: {@code arpo}, {@code exact-match}, {@code f1}, and any {@link Reward} a jar lists in
 * {@code META-INF/services/io.cleave.env.reward.Reward} (found with {@link ServiceLoader} in the context class
 * loader when this class is first used; public no-argument constructor).
 */
public final class RewardRegistry {

    private static final Map<String, Supplier<Reward>> REWARDS = rewards();

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

    private static Map<String, Supplier<Reward>> rewards() {
        Map<String, Supplier<Reward>> all = new TreeMap<>(Map.of(
                ArpoReward.NAME, ArpoReward::new,
                ExactMatchReward.NAME, ExactMatchReward::new,
                F1Reward.NAME, F1Reward::new));
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        for (ServiceLoader.Provider<Reward> provider : ServiceLoader.load(Reward.class,
                loader != null ? loader : RewardRegistry.class.getClassLoader()).stream().toList()) {
            String name = provider.get().name();
            if (all.putIfAbsent(name, provider::get) != null) {
                throw new IllegalStateException("reward " + provider.type().getName() + " registers '" + name
                        + "', which is already a reward");
            }
        }
        return all;
    }
}
