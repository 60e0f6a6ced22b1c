package io.cleave.env.tasks;

import io.cleave.env.tools.ToolSet;
import java.util.List;
import java.util.Optional;

/**
 * A family of tasks with disjoint train and test splits and a difficulty knob. Implementations are immutable and
 * thread-safe.
 */
public interface TaskSuite {

    /** The registry name. */
    String name();

    /** The difficulty this suite was created with (its meaning is suite-specific). */
    int difficulty();

    /**
     * {@code count} distinct tasks of {@code split}, the same list for the same seed. Suites with a finite pool
     * ({@code multihop}, {@code jsonl}) return at most their pool's size.
     */
    List<Task> tasks(Split split, int count, long seed);

    /** The tools the suite's tasks use, ready to put in a {@link io.cleave.env.protocol.ToolEnvironment}. */
    ToolSet tools();

    /**
     * This suite without the tasks whose prompt does not fit {@code limit}. Suites that read user data
     * ({@code jsonl}) reject such rows and report them in {@link #dataset()}; generated suites, whose prompts are
     * short by construction, return themselves.
     *
     * @throws IllegalArgumentException when no task is left (a one-line message)
     */
    default TaskSuite withPromptLimit(PromptLimit limit) {
        return this;
    }

    /** The accepted and rejected rows of the user data this suite read; empty for generated suites. */
    default Optional<DatasetSummary> dataset() {
        return Optional.empty();
    }
}
