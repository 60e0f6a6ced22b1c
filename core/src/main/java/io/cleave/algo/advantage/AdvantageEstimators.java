package io.cleave.algo.advantage;

import io.cleave.registry.Registry;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The advantage-estimator registry: {@code grpo}, {@code dr-grpo}, {@code rloo}, {@code reinforce++},
 * {@code gpg-prefix}, {@code gpg-branch}.
 *
 * <ul>
 *   <li>{@code grpo}: {@code A_i = (r_i - mean) / (std + 1e-6)}, unbiased std; 0 for a group of one;</li>
 *   <li>{@code dr-grpo}: {@code A_i = r_i - mean};</li>
 *   <li>{@code rloo}: {@code A_i = r_i - mean of the other rewards}; 0 for a group of one;</li>
 *   <li>{@code reinforce++}, {@code gpg-prefix}, {@code gpg-branch}: see their classes' documentation.</li>
 * </ul>
 */
public final class AdvantageEstimators {

    private static final Registry<Supplier<AdvantageEstimator>> REGISTRY = new Registry<>("advantage estimator",
            Map.of(
                    "grpo", () -> new TrajectoryLevelEstimator("grpo", GroupStats::grpo),
                    "dr-grpo", () -> new TrajectoryLevelEstimator("dr-grpo", GroupStats::drGrpo),
                    "rloo", () -> new TrajectoryLevelEstimator("rloo", GroupStats::rloo),
                    "reinforce++", ReinforcePlusPlusEstimator::new,
                    "gpg-prefix", GpgPrefixEstimator::new,
                    "gpg-branch", GpgBranchEstimator::new));

    private AdvantageEstimators() {}

    /** Registered names, sorted. */
    public static List<String> names() {
        return REGISTRY.names();
    }

    /**
     * The estimator registered under {@code name}.
     *
     * @throws IllegalArgumentException for an unknown name (the message lists the known ones)
     */
    public static AdvantageEstimator get(String name) {
        return REGISTRY.get(name).get();
    }
}
