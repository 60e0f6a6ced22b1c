package io.cleave.train.rl;

import io.cleave.env.tasks.Split;
import io.cleave.env.tasks.Task;
import io.cleave.env.tasks.TaskSuite;
import io.cleave.rollout.engine.PromptSpec;
import io.cleave.tokenizer.Tokenizer;
import java.util.ArrayList;
import java.util.List;

/**
 * Which training prompts each iteration sees: a fixed pool of the suite's train split (drawn once from the run
 * seed), walked in order with a cursor that wraps around. The batch of iteration {@code k} is a pure function of
 * (suite, seed, k), so the single-process run and the Spark job see the same prompts, and a resumed run
 * continues where it stopped.
 */
public final class PromptSchedule {

    private final List<Task> pool;
    private final Tokenizer tokenizer;

    /** A schedule over up to {@code poolSize} train tasks drawn with {@code seed}. */
    public PromptSchedule(TaskSuite suite, int poolSize, long seed, Tokenizer tokenizer) {
        this.pool = suite.tasks(Split.TRAIN, poolSize, seed);
        this.tokenizer = tokenizer;
        if (pool.isEmpty()) {
            throw new IllegalArgumentException("suite " + suite.name() + " has no training tasks");
        }
    }

    /** Number of distinct training prompts. */
    public int poolSize() {
        return pool.size();
    }

    /** The {@code count} prompts starting at cursor position {@code cursor} (wrapping around the pool). */
    public List<PromptSpec> batch(long cursor, int count) {
        List<PromptSpec> specs = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Task task = pool.get((int) Math.floorMod(cursor + i, (long) pool.size()));
            specs.add(new PromptSpec(task.id() + "@" + (cursor + i), tokenizer.encode(task.prompt()), task));
        }
        return specs;
    }
}
