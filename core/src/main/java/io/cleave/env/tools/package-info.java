/**
 * Tools an agent can call: the {@link io.cleave.env.tools.Tool} interface, the registry that creates tools by name
 * ({@link io.cleave.env.tools.registry.ToolRegistry}) and the set of tools an environment exposes
 * ({@link io.cleave.env.tools.ToolSet}). Built-in tools live in {@code calc} and {@code search}.
 */
package io.cleave.env.tools;
