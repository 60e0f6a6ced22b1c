package io.cleave.env.tools;

/**
 * A tool the policy can call with {@code <name>argument</name>}. Implementations are thread-safe: one instance
 * serves every rollout thread of a JVM.
 */
public interface Tool {

    /** The tag name: lowercase ASCII letters, not {@code think}, {@code answer} or {@code result}. */
    String name();

    /**
     * Runs the tool on the text between the tags.
     *
     * @return the result text (the environment truncates it and wraps it in {@code <result>} tags)
     * @throws ToolException with a readable message when the argument cannot be handled
     */
    String run(String argument) throws ToolException;
}
