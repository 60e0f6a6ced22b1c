package io.cleave.env.tasks;

import io.cleave.env.tools.ToolSet;
import java.util.List;

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
}
