package io.cleave.env.tasks;

/**
 * The fixed prompt layout of every suite: {@code "Q: " + question + "\n"}; the trajectory follows the newline.
 */
public final class Prompts {

    /** What every prompt starts with. */
    public static final String PREFIX = "Q: ";

    private Prompts() {}

    /** The prompt for {@code question} (line breaks inside it are replaced by spaces). */
    public static String question(String question) {
        return PREFIX + question.strip().replace('\n', ' ') + "\n";
    }
}
