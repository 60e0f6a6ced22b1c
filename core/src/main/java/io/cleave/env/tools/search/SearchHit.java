package io.cleave.env.tools.search;

/**
 * One ranked search result.
 *
 * @param id the document id
 * @param title the document title
 * @param text the document text
 * @param score the BM25 score (higher is better)
 */
public record SearchHit(String id, String title, String text, float score) {}
