package io.cleave.model;

/**
 * One row's generated continuation.
 *
 * @param tokens generated ids, including the stop token when one ended the row
 * @param logProbs each generated token's log-prob under the sampling distribution
 * @param entropies entropy of the distribution each token was drawn from
 * @param text decoded text of the generated tokens
 * @param stop why the row ended
 */
public record Generation(int[] tokens, float[] logProbs, float[] entropies, String text, StopReason stop) {

    /** Why generation of a row ended. */
    public enum StopReason {
        /** A stop token id (end of text included) was generated. */
        STOP_TOKEN,
        /** The generated text ended with a stop string. */
        STOP_STRING,
        /** {@code max_new_tokens} was reached. */
        LENGTH
    }
}
