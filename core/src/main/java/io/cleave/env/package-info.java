/**
 * The agent environment of Cleave: the tagged-text tool protocol ({@link io.cleave.env.protocol}), the tools
 * ({@link io.cleave.env.tools}), the task suites ({@link io.cleave.env.tasks}), the rewards
 * ({@link io.cleave.env.reward}) and the scripted experts that write demonstrations ({@link io.cleave.env.demo}).
 *
 * <p>A trajectory is the text a policy writes after a prompt, for example
 * {@code <calc>7*12</calc><result>84</result><answer>84</answer>}: the policy writes everything except the
 * {@code <result>...</result>} blocks, which the environment inserts after each tool call.
 */
package io.cleave.env;
