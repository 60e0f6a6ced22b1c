package io.cleave.env.tasks;

import java.util.Objects;
import java.util.Optional;
import java.util.function.ToIntFunction;

/**
 * The longest prompt a model can take while leaving room for its response: a prompt of {@code n} tokens fits when
 * {@code n <= maxTokens}, where {@code maxTokens = max_position_embeddings - rollout.max-new-tokens}.
 *
 * @param tokenCount the number of tokens of a prompt text under the model's tokenizer
 * @param maxTokens the most prompt tokens, &gt;= 1
 * @param why what {@code maxTokens} is made of, for the reason of a rejected row
 */
public record PromptLimit(ToIntFunction<String> tokenCount, int maxTokens, String why) {

    /** Checks the fields. */
    public PromptLimit {
        Objects.requireNonNull(tokenCount, "tokenCount");
        Objects.requireNonNull(why, "why");
        if (maxTokens < 1) {
            throw new IllegalArgumentException("prompt limit must be >= 1 token, got " + maxTokens + " (" + why + ")");
        }
    }

    /** Why {@code prompt} (the full prompt text) does not fit, or empty when it does. */
    public Optional<String> check(String prompt) {
        int tokens = tokenCount.applyAsInt(prompt);
        return tokens <= maxTokens ? Optional.empty() : Optional.of("prompt is " + tokens
                + " tokens, longer than the " + maxTokens + " that fit (" + why + ")");
    }
}
