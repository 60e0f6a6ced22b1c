/**
 * The {@code jsonl} suite: the user's own tasks from a JSON Lines file of {@code {"id","prompt","answer"}} rows
 * (optional integer {@code "difficulty"}), with suite-level tools, reward and answer metric.
 */
package io.cleave.env.tasks.jsonl;
