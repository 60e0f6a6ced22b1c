package io.cleave.env.tools.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

/**
 * A read-only Lucene index over corpus documents, ranked by BM25 (k1 = 1.2, b = 0.75). Title and text are
 * separate fields analysed by {@code EnglishAnalyzer}; a query is analysed the same way and becomes a disjunction
 * over its first {@link #MAX_QUERY_TERMS} distinct terms, each matched in text and in title (title weighted
 * {@link #TITLE_BOOST}). Thread-safe once built.
 */
public final class SearchIndex {

    /** Weight of a title match relative to a text match. */
    public static final float TITLE_BOOST = 2.0f;
    /** Distinct query terms beyond this are ignored (keeps queries under Lucene's clause limit). */
    public static final int MAX_QUERY_TERMS = 64;

    private static final String ID = "id";
    private static final String TITLE = "title";
    private static final String TEXT = "text";

    private final Analyzer analyzer = new EnglishAnalyzer();
    private final IndexSearcher searcher;

    private SearchIndex(DirectoryReader reader) {
        this.searcher = new IndexSearcher(reader);
        this.searcher.setSimilarity(new BM25Similarity());
    }

    /** Builds an index of {@code documents} in memory. */
    public static SearchIndex inMemory(List<CorpusDocument> documents) {
        Directory dir = new ByteBuffersDirectory();
        write(documents, dir);
        return open(dir);
    }

    /** Writes an index of {@code documents} into folder {@code dir} (replacing any index there). */
    public static void writeToDisk(List<CorpusDocument> documents, Path dir) {
        try (Directory fs = FSDirectory.open(dir)) {
            write(documents, fs);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write search index to " + dir, e);
        }
    }

    /**
     * Opens an index written by {@link #writeToDisk}.
     *
     * @throws IllegalArgumentException if {@code dir} holds no index
     */
    public static SearchIndex openFromDisk(Path dir) {
        try {
            if (!Files.isDirectory(dir)) {
                throw new IllegalArgumentException("search index folder not found: " + dir.toAbsolutePath());
            }
            Directory fs = FSDirectory.open(dir);
            if (!DirectoryReader.indexExists(fs)) {
                fs.close();
                throw new IllegalArgumentException("no search index in " + dir.toAbsolutePath());
            }
            return open(fs);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open search index " + dir, e);
        }
    }

    /** Number of documents in the index. */
    public int size() {
        return searcher.getIndexReader().numDocs();
    }

    /** The best {@code k} documents for {@code query}, best first; empty when no query term matches. */
    public List<SearchHit> search(String query, int k) {
        Set<String> terms = new LinkedHashSet<>(analyze(analyzer, query));
        if (terms.isEmpty()) {
            return List.of();
        }
        BooleanQuery.Builder builder = new BooleanQuery.Builder();
        terms.stream().limit(MAX_QUERY_TERMS).forEach(t -> {
            builder.add(new TermQuery(new Term(TEXT, t)), BooleanClause.Occur.SHOULD);
            builder.add(new BoostQuery(new TermQuery(new Term(TITLE, t)), TITLE_BOOST), BooleanClause.Occur.SHOULD);
        });
        try {
            TopDocs top = searcher.search(builder.build(), k);
            StoredFields stored = searcher.storedFields();
            List<SearchHit> hits = new ArrayList<>(top.scoreDocs.length);
            for (ScoreDoc sd : top.scoreDocs) {
                Document doc = stored.document(sd.doc);
                hits.add(new SearchHit(doc.get(ID), doc.get(TITLE), doc.get(TEXT), sd.score));
            }
            return hits;
        } catch (IOException e) {
            throw new UncheckedIOException("search failed for query '" + query + "'", e);
        }
    }

    /** The index terms of {@code text} as this index's analyser produces them (lowercased, stemmed, no stopwords). */
    public static List<String> analyze(String text) {
        try (Analyzer english = new EnglishAnalyzer()) {
            return analyze(english, text);
        }
    }

    private static List<String> analyze(Analyzer analyzer, String text) {
        List<String> terms = new ArrayList<>();
        try (TokenStream ts = analyzer.tokenStream(TEXT, text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                terms.add(term.toString());
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return terms;
    }

    private static void write(List<CorpusDocument> documents, Directory dir) {
        IndexWriterConfig config = new IndexWriterConfig(new EnglishAnalyzer())
                .setSimilarity(new BM25Similarity())
                .setOpenMode(IndexWriterConfig.OpenMode.CREATE);
        try (IndexWriter writer = new IndexWriter(dir, config)) {
            for (CorpusDocument d : documents) {
                Document doc = new Document();
                doc.add(new StringField(ID, d.id(), Field.Store.YES));
                doc.add(new TextField(TITLE, d.title(), Field.Store.YES));
                doc.add(new TextField(TEXT, d.text(), Field.Store.YES));
                writer.addDocument(doc);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot build search index", e);
        }
    }

    private static SearchIndex open(Directory dir) {
        try {
            return new SearchIndex(DirectoryReader.open(dir));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open search index", e);
        }
    }
}
