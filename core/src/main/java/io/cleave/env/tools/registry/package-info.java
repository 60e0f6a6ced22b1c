/**
 * Tools by name: {@link io.cleave.env.tools.registry.ToolRegistry} knows the built-in tools and those that jars add
 * through {@link io.cleave.env.tools.ToolProvider}. It sits beside the tools it creates, so the tool interfaces do
 * not depend on their implementations.
 */
package io.cleave.env.tools.registry;
