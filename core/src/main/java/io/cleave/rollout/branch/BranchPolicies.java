package io.cleave.rollout.branch;

import io.cleave.registry.Registry;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** The branch-policy registry: {@code none}, {@code arpo}, {@code boundary}. */
public final class BranchPolicies {

    private static final Registry<Function<BranchParams, BranchPolicy>> REGISTRY = new Registry<>("branch policy",
            Map.of(
                    "none", NoBranchPolicy::new,
                    "arpo", ArpoBranchPolicy::new,
                    "boundary", BoundaryBranchPolicy::new));

    private BranchPolicies() {}

    /** Registered names, sorted. */
    public static List<String> names() {
        return REGISTRY.names();
    }

    /**
     * The policy registered under {@code name}, configured by {@code params}.
     *
     * @throws IllegalArgumentException for an unknown name (the message lists the known ones)
     */
    public static BranchPolicy create(String name, BranchParams params) {
        return REGISTRY.get(name).apply(params);
    }
}
