package io.cleave.train.config;

import io.cleave.env.tasks.TaskSuite;
import io.cleave.env.tasks.registry.TaskSuiteRegistry;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * The tasks a run trains and evaluates on.
 *
 * @param suite a {@link TaskSuiteRegistry} name (key {@code task.suite})
 * @param options the suite's options (keys {@code task.options.NAME}), checked by the suite when it is created;
 *     kept sorted by name
 * @param promptsPerIteration training prompts drawn per iteration (key {@code task.prompts-per-iteration}), &gt;= 1
 * @param evalEvery evaluate on the test split every this many iterations (key {@code task.eval-every}), &gt;= 0;
 *     0 = never
 * @param evalSize test tasks per evaluation (key {@code task.eval-size}), &gt;= 1
 */
public record TaskSettings(String suite, Map<String, String> options, int promptsPerIteration, int evalEvery,
                           int evalSize) {

    /** The {@code arith} suite with its own defaults, 8 prompts per iteration, 32 test tasks every 10 iterations. */
    public static TaskSettings defaults() {
        return new TaskSettings("arith", Map.of(), 8, 10, 32);
    }

    /** Validates every field and copies the options; messages name the key. */
    public TaskSettings {
        if (suite == null || !TaskSuiteRegistry.names().contains(suite)) {
            throw new IllegalArgumentException("task.suite must be one of " + TaskSuiteRegistry.names() + ", got '"
                    + suite + "'");
        }
        for (Map.Entry<String, String> option : options.entrySet()) {
            if (option.getKey().isBlank() || option.getValue() == null) {
                throw new IllegalArgumentException("task.options: every option needs a name and a value, got "
                        + option);
            }
        }
        options = Collections.unmodifiableMap(new TreeMap<>(options));
        if (promptsPerIteration < 1) {
            throw new IllegalArgumentException("task.prompts-per-iteration must be >= 1, got " + promptsPerIteration);
        }
        if (evalEvery < 0) {
            throw new IllegalArgumentException("task.eval-every must be >= 0 (0 = never), got " + evalEvery);
        }
        if (evalSize < 1) {
            throw new IllegalArgumentException("task.eval-size must be >= 1, got " + evalSize);
        }
    }

    /**
     * Creates the configured suite.
     *
     * @throws IllegalArgumentException when the suite rejects an option (the message names it)
     */
    public TaskSuite newSuite() {
        return TaskSuiteRegistry.create(suite, options);
    }
}
