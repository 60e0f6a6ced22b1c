package io.cleave.env.tasks.arith;

import io.cleave.env.tasks.Plan;

/**
 * One generated word problem.
 *
 * @param question the question text (without the prompt layout)
 * @param plan the calc calls that solve it
 * @param answer the exact answer
 */
public record ArithProblem(String question, Plan plan, long answer) {}
