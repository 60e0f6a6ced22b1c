package io.cleave.spark.executor;

import io.cleave.env.tasks.Task;
import io.cleave.rollout.engine.PromptSpec;
import java.io.Serializable;

/**
 * A prompt shipped to an executor: its position in the iteration's batch, id, tokens and task.
 *
 * @param order position in the iteration's prompt batch (results are put back in this order)
 * @param promptId stable prompt id
 * @param promptTokens the tokenized prompt
 * @param task the task (reward and tools)
 */
public record PromptTask(int order, String promptId, int[] promptTokens, Task task) implements Serializable {

    private static final long serialVersionUID = 1L;

    /** From a core prompt spec. */
    public static PromptTask of(int order, PromptSpec spec) {
        return new PromptTask(order, spec.promptId(), spec.promptTokens(), spec.task());
    }

    /** Back to a core prompt spec. */
    public PromptSpec spec() {
        return new PromptSpec(promptId, promptTokens, task);
    }
}
