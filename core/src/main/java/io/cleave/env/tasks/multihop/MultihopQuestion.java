package io.cleave.env.tasks.multihop;

import io.cleave.env.tasks.Plan;

/**
 * One generated question.
 *
 * @param question the question text
 * @param answer the gold answer
 * @param anchor the entity the question names (its document does not contain the answer)
 * @param hops documents needed: 2 or 3
 * @param plan the searches (and calc) that answer it
 */
public record MultihopQuestion(String question, String answer, String anchor, int hops, Plan plan) {}
