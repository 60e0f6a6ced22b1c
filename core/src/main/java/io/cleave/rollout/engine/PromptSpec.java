package io.cleave.rollout.engine;

import io.cleave.env.tasks.Task;

/**
 * One prompt of a rollout batch.
 *
 * @param promptId stable id (random streams are derived from it)
 * @param promptTokens the tokenized prompt
 * @param task the task, for its reward and tools
 */
public record PromptSpec(String promptId, int[] promptTokens, Task task) {

    /** Checks the fields. */
    public PromptSpec {
        if (promptTokens.length == 0) {
            throw new IllegalArgumentException("prompt " + promptId + " is empty");
        }
    }
}
