package io.cleave.env.tasks.registry;

import io.cleave.env.tasks.TaskSuite;
import io.cleave.env.tasks.arith.ArithSuite;
import io.cleave.env.tasks.jsonl.JsonlSuite;
import io.cleave.env.tasks.multihop.MultihopSuite;
import io.cleave.env.util.Options;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Creates task suites by name from string options: {@code arith} (see {@link ArithSuite}), {@code multihop} (see
 * {@link MultihopSuite}), {@code jsonl} (see {@link JsonlSuite}).
 */
public final class TaskSuiteRegistry {

    private static final Map<String, Function<Options, TaskSuite>> SUITES = new TreeMap<>(Map.of(
            ArithSuite.NAME, ArithSuite::fromOptions,
            MultihopSuite.NAME, MultihopSuite::fromOptions,
            JsonlSuite.NAME, JsonlSuite::fromOptions));

    private TaskSuiteRegistry() {}

    /**
     * The suite called {@code name}.
     *
     * @throws IllegalArgumentException for an unknown name (the message lists the known ones) or bad options
     */
    public static TaskSuite create(String name, Map<String, String> options) {
        Function<Options, TaskSuite> factory = SUITES.get(name);
        if (factory == null) {
            throw new IllegalArgumentException("unknown task suite '" + name + "'; known suites: " + names());
        }
        return factory.apply(Options.of(options));
    }

    /** The registered names, sorted. */
    public static Set<String> names() {
        return SUITES.keySet();
    }
}
