package io.cleave.spark.ml;

import io.cleave.env.protocol.EnvLimits;
import io.cleave.env.protocol.ToolEnvironment;
import io.cleave.env.tasks.jsonl.JsonlConfig;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One tool environment per (tools and their options, limits) per executor JVM, shared by the generation tasks of
 * the JVM (environments keep no per-trajectory state).
 */
final class ExecutorTools {

    private static final Map<String, ToolEnvironment> ENVIRONMENTS = new ConcurrentHashMap<>();

    private ExecutorTools() {}

    static ToolEnvironment of(JsonlConfig suite, EnvLimits limits) {
        String key = suite.tools() + "|" + suite.toolOptions() + "|" + limits;
        return ENVIRONMENTS.computeIfAbsent(key, k -> new ToolEnvironment(PromptSuite.tools(suite), limits));
    }
}
