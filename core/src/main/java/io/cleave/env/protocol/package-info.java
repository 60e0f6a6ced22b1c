/**
 * The tagged-text tool protocol. A trajectory (the text after the prompt) is made of
 * {@code <think>...</think>} blocks, tool calls {@code <calc>EXPR</calc>} or {@code <search>QUERY</search>} each
 * followed by an environment-written {@code <result>...</result>}, and one final {@code <answer>...</answer>}.
 *
 * <p>Rollout loop: decode until one of {@link io.cleave.env.protocol.Protocol#stopStrings()}; ask
 * {@link io.cleave.env.protocol.Protocol#detect(String)} what was produced; for a tool call append
 * {@link io.cleave.env.protocol.ToolEnvironment#step(String)}'s text and continue; for an answer stop. Afterwards
 * {@link io.cleave.env.protocol.TrajectoryParser} splits the text into policy and environment spans and checks
 * the format.
 */
package io.cleave.env.protocol;
