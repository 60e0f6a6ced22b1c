package io.cleave.env.tasks.jsonl;

/**
 * One user task row.
 *
 * @param id unique id (its hash decides the split)
 * @param prompt the question text
 * @param answer the gold answer
 * @param difficulty the row's difficulty (1 when the row has none)
 * @param line the 1-based line of the file it was read from
 * @param text the line as read, for the rejects report
 */
public record JsonlRow(String id, String prompt, String answer, int difficulty, int line, String text) {}
