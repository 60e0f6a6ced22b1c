package io.cleave.spark.executor;

import io.cleave.env.protocol.ToolEnvironment;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One tool environment per task suite per executor JVM (its search index is built once and shared read-only);
 * environments keep no per-trajectory state, so tasks share them.
 */
final class ExecutorEnvironments {

    private static final Map<String, ToolEnvironment> ENVIRONMENTS = new ConcurrentHashMap<>();

    private ExecutorEnvironments() {}

    static ToolEnvironment of(JobSpec spec) {
        String key = spec.suite() + spec.suiteOptions() + Arrays.toString(spec.envLimits());
        return ENVIRONMENTS.computeIfAbsent(key, k -> new ToolEnvironment(spec.newSuite().tools(), spec.limits()));
    }
}
