package io.cleave.tokenizer;

/**
 * Text to token ids and back. Implementations are immutable and thread-safe, so one instance can be shared by
 * every rollout thread of a JVM.
 */
public interface Tokenizer {

    /** Encodes text into token ids, without special tokens. */
    int[] encode(String text);

    /** Decodes token ids back into text; ids of special tokens decode to nothing. */
    String decode(int[] ids);

    /** Number of ids this tokenizer can produce; the model's vocabulary must be at least this large. */
    int vocabSize();

    /** The id that ends a sequence (end of text). */
    int eosId();

    /** The id used to pad batches; never attended to and never scored. */
    int padId();
}
