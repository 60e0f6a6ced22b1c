package io.cleave.tokenizer;

/**
 * A character-level tokenizer over a fixed alphabet: printable ASCII plus newline. Id 0 is padding, id 1 is end of
 * text, id 2 stands for any character outside the alphabet; characters follow from id 3 on.
 *
 * <p>It is the tokenizer of the built-in task suites: their prompts, tool tags and answers are plain ASCII, so
 * every character maps to one id and a trajectory's text and token positions line up one to one.
 */
public final class CharTokenizer implements Tokenizer {

    /** Padding id. */
    public static final int PAD = 0;
    /** End-of-text id. */
    public static final int EOS = 1;
    /** Id of any character outside the alphabet. */
    public static final int UNKNOWN = 2;

    private static final int FIRST_CHAR_ID = 3;
    private static final char FIRST_PRINTABLE = ' ';
    private static final char LAST_PRINTABLE = '~';
    private static final int NEWLINE_ID = FIRST_CHAR_ID + (LAST_PRINTABLE - FIRST_PRINTABLE + 1);
    private static final int VOCAB = NEWLINE_ID + 1;

    private static final CharTokenizer INSTANCE = new CharTokenizer();

    private CharTokenizer() {}

    /** The shared instance (the tokenizer has no state). */
    public static CharTokenizer instance() {
        return INSTANCE;
    }

    @Override
    public int[] encode(String text) {
        int[] ids = new int[text.length()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = idOf(text.charAt(i));
        }
        return ids;
    }

    @Override
    public String decode(int[] ids) {
        StringBuilder out = new StringBuilder(ids.length);
        for (int id : ids) {
            if (id == NEWLINE_ID) {
                out.append('\n');
            } else if (id >= FIRST_CHAR_ID && id < NEWLINE_ID) {
                out.append((char) (FIRST_PRINTABLE + id - FIRST_CHAR_ID));
            } else if (id == UNKNOWN) {
                out.append('?');
            }
        }
        return out.toString();
    }

    @Override
    public int vocabSize() {
        return VOCAB;
    }

    @Override
    public int eosId() {
        return EOS;
    }

    @Override
    public int padId() {
        return PAD;
    }

    private static int idOf(char c) {
        if (c == '\n') {
            return NEWLINE_ID;
        }
        if (c >= FIRST_PRINTABLE && c <= LAST_PRINTABLE) {
            return FIRST_CHAR_ID + (c - FIRST_PRINTABLE);
        }
        return UNKNOWN;
    }

    @Override
    public String toString() {
        return "CharTokenizer(vocab=" + VOCAB + ")";
    }
}
