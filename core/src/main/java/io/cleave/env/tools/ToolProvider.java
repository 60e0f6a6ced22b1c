package io.cleave.env.tools;

import io.cleave.env.tools.registry.ToolRegistry;
import io.cleave.env.util.Options;

/**
 * A tool that a jar adds to {@link ToolRegistry} without changing it: list the implementation in
 * {@code META-INF/services/io.cleave.env.tools.ToolProvider} (Java's {@link java.util.ServiceLoader}); it needs a
 * public no-argument constructor. On Spark the jar must reach every JVM that runs rollouts ({@code spark.jars}).
 */
public interface ToolProvider {

    /** The registry name (as given in {@code task.options.tools}). */
    String name();

    /**
     * Creates the tool.
     *
     * @throws IllegalArgumentException for bad options
     */
    Tool create(Options options);
}
