package io.cleave.rollout.branch;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** The branch-policy registry: {@code none}, {@code arpo}, {@code boundary}. */
public final class BranchPolicies {

    private static final Map<String, Function<BranchParams, BranchPolicy>> FACTORIES = Map.of(
            "none", NoBranchPolicy::new,
            "arpo", ArpoBranchPolicy::new,
            "boundary", BoundaryBranchPolicy::new);

    private BranchPolicies() {}

    /** Registered names, sorted. */
    public static List<String> names() {
        return FACTORIES.keySet().stream().sorted().toList();
    }

    /**
     * The policy registered under {@code name}, configured by {@code params}.
     *
     * @throws IllegalArgumentException for an unknown name (the message lists the known ones)
     */
    public static BranchPolicy create(String name, BranchParams params) {
        Function<BranchParams, BranchPolicy> factory = name == null ? null : FACTORIES.get(name);
        if (factory == null) {
            throw new IllegalArgumentException("unknown branch policy '" + name + "'; known: " + names());
        }
        return factory.apply(params);
    }
}
