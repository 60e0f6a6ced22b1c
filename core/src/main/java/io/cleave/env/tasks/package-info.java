/**
 * Task suites: the {@link io.cleave.env.tasks.Task} record, the {@link io.cleave.env.tasks.TaskSuite} interface and
 * its registry ({@code arith}, {@code multihop}, {@code jsonl}), reference solution plans
 * ({@link io.cleave.env.tasks.Plan}) and the hash partition that keeps train and test splits disjoint
 * ({@link io.cleave.env.tasks.Split}).
 */
package io.cleave.env.tasks;
