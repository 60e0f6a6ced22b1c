/**
 * Task suites: the {@link io.cleave.env.tasks.Task} record, the {@link io.cleave.env.tasks.TaskSuite} interface
 * (the built-in suites {@code arith}, {@code multihop} and {@code jsonl} live in sub-packages, by name in
 * {@code registry}), reference solution plans ({@link io.cleave.env.tasks.Plan}) and the hash partition that keeps
 * train and test splits disjoint ({@link io.cleave.env.tasks.Split}). Suites over user data drop prompts that do
 * not fit the model ({@link io.cleave.env.tasks.PromptLimit}) and account for what they rejected
 * ({@link io.cleave.env.tasks.DatasetSummary}).
 */
package io.cleave.env.tasks;
