package io.cleave.train.sft;

import io.cleave.tokenizer.Tokenizer;
import java.util.Arrays;

/**
 * One demonstration: a token sequence and which tokens the model should learn to produce. Token {@code i} with
 * {@code lossMask[i] == true} is a target, predicted from tokens {@code 0..i-1}; the others (prompt, tool results)
 * only condition later tokens. The first token has no context to be predicted from, so it is never a target. The
 * arrays are copied on construction; do not modify the ones the accessors return.
 *
 * @param tokens token ids, at least 2
 * @param lossMask one flag per token: true where the token is a target
 */
public record SftExample(int[] tokens, boolean[] lossMask) {

    /** Validates the arrays; messages name the field. */
    public SftExample {
        if (tokens == null || lossMask == null) {
            throw new IllegalArgumentException("tokens and loss_mask must be set");
        }
        if (tokens.length < 2) {
            throw new IllegalArgumentException("tokens must hold at least 2 ids, got " + tokens.length);
        }
        if (lossMask.length != tokens.length) {
            throw new IllegalArgumentException("loss_mask has " + lossMask.length + " entries but tokens has "
                    + tokens.length);
        }
        if (lossMask[0]) {
            throw new IllegalArgumentException("loss_mask[0] must be false: the first token has no context to be "
                    + "predicted from");
        }
        for (int i = 0; i < tokens.length; i++) {
            if (tokens[i] < 0) {
                throw new IllegalArgumentException("tokens[" + i + "] must be >= 0, got " + tokens[i]);
            }
        }
        tokens = tokens.clone();
        lossMask = lossMask.clone();
        if (targetCount(lossMask) == 0) {
            throw new IllegalArgumentException("loss_mask must mark at least one target token");
        }
    }

    /** Number of target tokens. */
    public int targetCount() {
        return targetCount(lossMask);
    }

    /** Number of tokens. */
    public int length() {
        return tokens.length;
    }

    private static int targetCount(boolean[] mask) {
        int n = 0;
        for (boolean b : mask) {
            n += b ? 1 : 0;
        }
        return n;
    }

    /** A builder that encodes pieces of text one after the other with {@code tokenizer}. */
    public static Builder builder(Tokenizer tokenizer) {
        return new Builder(tokenizer);
    }

    /**
     * Assembles an example from pieces of text, each encoded on its own (so piece boundaries are token boundaries,
     * as in a rollout where tool results are appended as separately encoded text).
     */
    public static final class Builder {
        private final Tokenizer tokenizer;
        private int[] tokens = new int[64];
        private boolean[] mask = new boolean[64];
        private int length;

        private Builder(Tokenizer tokenizer) {
            this.tokenizer = tokenizer;
        }

        /** Appends text the model reads but is not trained to produce (prompt, tool result). */
        public Builder context(String text) {
            return append(tokenizer.encode(text), false);
        }

        /** Appends text the model is trained to produce (tool call, reasoning, answer). */
        public Builder target(String text) {
            return append(tokenizer.encode(text), true);
        }

        /** Appends the end-of-text token as a target, so the model learns to stop. */
        public Builder targetEndOfText() {
            return append(new int[] {tokenizer.eosId()}, true);
        }

        /** The example (validated as by the record's constructor). */
        public SftExample build() {
            return new SftExample(Arrays.copyOf(tokens, length), Arrays.copyOf(mask, length));
        }

        private Builder append(int[] ids, boolean target) {
            if (length + ids.length > tokens.length) {
                int capacity = Math.max(tokens.length * 2, length + ids.length);
                tokens = Arrays.copyOf(tokens, capacity);
                mask = Arrays.copyOf(mask, capacity);
            }
            System.arraycopy(ids, 0, tokens, length, ids.length);
            Arrays.fill(mask, length, length + ids.length, target);
            length += ids.length;
            return this;
        }
    }
}
