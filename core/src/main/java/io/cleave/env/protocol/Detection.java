package io.cleave.env.protocol;

/** What the text generated so far ends with, as told by {@link Protocol#detect(String)}. */
public sealed interface Detection {

    /** The text ends with a complete call {@code <tool>argument</tool>}: run it and append the result. */
    record ToolCall(String tool, String argument) implements Detection {}

    /** The text ends with {@code </answer>}: the trajectory is complete. */
    record FinalAnswer(String answer) implements Detection {}

    /** The text does not end with a stop string (e.g. the decoder hit its length limit). */
    record Incomplete() implements Detection {}

    /** The text ends with a closing tag whose opening tag is missing. */
    record Malformed(String tool, String reason) implements Detection {}
}
