/**
 * The {@code search} tool: BM25 ({@code BM25Similarity}, k1 = 1.2, b = 0.75) over a corpus of
 * {@code {"id","title","text"}} JSON Lines documents, indexed with Lucene's {@code EnglishAnalyzer}. Indexes are
 * built in memory once per JVM per corpus and shared read-only ({@link io.cleave.env.tools.search.SearchIndexCache}),
 * or opened from a directory on disk.
 */
package io.cleave.env.tools.search;
