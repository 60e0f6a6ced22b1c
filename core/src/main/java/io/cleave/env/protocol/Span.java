package io.cleave.env.protocol;

/**
 * A run of trajectory characters written by one side. Environment spans are whole {@code <result>...</result>}
 * blocks; mask their tokens out of policy losses.
 *
 * @param start offset of the first character in the trajectory text
 * @param text the characters
 * @param fromPolicy true if the policy wrote them, false if the environment did
 */
public record Span(int start, String text, boolean fromPolicy) {

    /** Offset just past the last character. */
    public int end() {
        return start + text.length();
    }
}
