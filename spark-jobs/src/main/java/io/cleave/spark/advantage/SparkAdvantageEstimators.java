package io.cleave.spark.advantage;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The Spark advantage-estimator registry, with core's names: {@code grpo}, {@code dr-grpo}, {@code rloo},
 * {@code reinforce++}, {@code gpg-prefix}, {@code gpg-branch}.
 */
public final class SparkAdvantageEstimators {

    private static final Map<String, Supplier<SparkAdvantageEstimator>> FACTORIES = Map.of(
            "grpo", () -> new TrajectoryLevelAdvantages("grpo", GroupRewardStats::normalized),
            "dr-grpo", () -> new TrajectoryLevelAdvantages("dr-grpo", GroupRewardStats::centered),
            "rloo", () -> new TrajectoryLevelAdvantages("rloo", GroupRewardStats::leaveOneOut),
            "reinforce++", ReinforcePlusPlusAdvantages::new,
            "gpg-prefix", GpgPrefixAdvantages::new,
            "gpg-branch", GpgBranchAdvantages::new);

    private SparkAdvantageEstimators() {}

    /** Registered names, sorted. */
    public static List<String> names() {
        return FACTORIES.keySet().stream().sorted().toList();
    }

    /**
     * The estimator registered under {@code name}.
     *
     * @throws IllegalArgumentException for an unknown name (the message lists the known ones)
     */
    public static SparkAdvantageEstimator get(String name) {
        Supplier<SparkAdvantageEstimator> factory = name == null ? null : FACTORIES.get(name);
        if (factory == null) {
            throw new IllegalArgumentException("unknown advantage estimator '" + name + "'; known: " + names());
        }
        return factory.get();
    }
}
