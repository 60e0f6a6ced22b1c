package io.cleave.env.protocol;

/**
 * One completed tool call of a parsed trajectory.
 *
 * @param tool the tool name
 * @param argument the text between the tool tags
 * @param result the text between the result tags
 */
public record ToolCallRecord(String tool, String argument, String result) {}
