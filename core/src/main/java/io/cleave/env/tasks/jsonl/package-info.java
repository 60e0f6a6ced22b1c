/**
 * The {@code jsonl} suite: the user's own tasks from a JSON Lines file of {@code {"id","prompt","answer"}} rows
 * (optional integer {@code "difficulty"}), with suite-level tools, reward and answer metric. Bad rows are rejected
 * with a reason and kept for the run's report; which types are coerced is described in
 * {@link io.cleave.env.tasks.jsonl.JsonlTaskReader}.
 */
package io.cleave.env.tasks.jsonl;
