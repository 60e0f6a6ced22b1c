package io.cleave.registry;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The named entries of one pluggable family (advantage estimators, branch policies, segmenters, loss
 * aggregations), with the lookup they share: names sorted, and an unknown name refused with the known ones.
 *
 * <pre>
 *   Registry&lt;Supplier&lt;AdvantageEstimator&gt;&gt; r = new Registry&lt;&gt;("advantage estimator", Map.of("grpo", ...));
 *   r.get("ppo");   // IllegalArgumentException: unknown advantage estimator 'ppo'; known: [grpo, ...]
 * </pre>
 *
 * @param <E> the entry type: a factory, or a stateless implementation
 */
public final class Registry<E> {

    private final String kind;
    private final Map<String, E> entries;

    /**
     * @param kind    what an entry is, for error messages ("advantage estimator")
     * @param entries the entries by name
     */
    public Registry(String kind, Map<String, E> entries) {
        this.kind = Objects.requireNonNull(kind, "kind");
        this.entries = new TreeMap<>(entries);
    }

    /** Registered names, sorted. */
    public List<String> names() {
        return List.copyOf(entries.keySet());
    }

    /**
     * The entry registered under {@code name}.
     *
     * @throws IllegalArgumentException for an unknown or null name (the message lists the known ones)
     */
    public E get(String name) {
        E entry = name == null ? null : entries.get(name);
        if (entry == null) {
            throw new IllegalArgumentException("unknown " + kind + " '" + name + "'; known: " + names());
        }
        return entry;
    }
}
