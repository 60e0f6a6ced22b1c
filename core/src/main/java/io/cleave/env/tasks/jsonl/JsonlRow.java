package io.cleave.env.tasks.jsonl;

/**
 * One user task row.
 *
 * @param id unique id (its hash decides the split)
 * @param prompt the question text
 * @param answer the gold answer
 * @param difficulty the row's difficulty (1 when the row has none)
 */
public record JsonlRow(String id, String prompt, String answer, int difficulty) {}
