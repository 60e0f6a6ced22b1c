package io.cleave.spark.executor;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * The prompts one rollout partition decodes together, as the training loop cut them: the driver parallelizes one
 * batch per partition, so the executors decode exactly the batches a single-process run decodes.
 *
 * @param prompts the batch's prompts, with their positions in the round
 */
public record PromptBatch(ArrayList<PromptTask> prompts) implements Serializable {

    private static final long serialVersionUID = 1L;

    /** A batch of {@code prompts}. */
    public static PromptBatch of(List<PromptTask> prompts) {
        return new PromptBatch(new ArrayList<>(prompts));
    }
}
