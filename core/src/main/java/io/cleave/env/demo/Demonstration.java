package io.cleave.env.demo;

import io.cleave.env.tasks.Task;

/**
 * A trajectory written by a scripted expert.
 *
 * @param task the task
 * @param trajectory the text after the prompt, in the protocol (results written by the environment)
 * @param toolCalls the number of tool calls made
 * @param guessed whether the expert gave up on its plan and guessed the answer
 */
public record Demonstration(Task task, String trajectory, int toolCalls, boolean guessed) {

    /** Prompt followed by trajectory: the full training text. */
    public String fullText() {
        return task.prompt() + trajectory;
    }
}
