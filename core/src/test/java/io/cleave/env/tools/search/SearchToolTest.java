package io.cleave.env.tools.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cleave.env.tools.Tool;
import io.cleave.env.tools.ToolException;
import io.cleave.env.tools.registry.ToolRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SearchToolTest {

    private static final List<CorpusDocument> DOCS = List.of(
            new CorpusDocument("d1", "Apple pie", "A pie made with apples and cinnamon, baked in an oven."),
            new CorpusDocument("d2", "Kelpie", "The kelpie is a shape-shifting water spirit of Scottish folklore."),
            new CorpusDocument("d3", "Oven", "An oven is a chamber used for baking, heating or drying food."),
            new CorpusDocument("d4", "Cinnamon", "Cinnamon is a spice from the bark of trees."),
            new CorpusDocument("d5", "Bread", "Bread is baked from dough in an oven."));

    @Test
    void documentWithTheRareQueryTermsRanksFirst() {
        SearchIndex index = SearchIndex.inMemory(DOCS);
        assertEquals(5, index.size());
        // "water" and "spirit" occur only in d2; "baked" (stem "bake") in d1, d3, d5, which BM25 then orders by
        // length (5, 6 and 7 terms after analysis): shorter documents score higher.
        List<SearchHit> hits = index.search("baked water spirit", 5);
        assertEquals(List.of("d2", "d5", "d1", "d3"), hits.stream().map(SearchHit::id).toList());
        assertEquals("d4", index.search("cinnamon", 5).get(0).id(), "title match outranks a text mention");
    }

    @Test
    void scoreIsBm25ComputedByHand() {
        SearchIndex index = SearchIndex.inMemory(List.of(
                new CorpusDocument("a", "x1", "zebra zebra lion"),
                new CorpusDocument("b", "x2", "lion tiger"),
                new CorpusDocument("c", "x3", "tiger bear wolf fox")));
        // idf = ln(1 + (N - n + 0.5) / (n + 0.5)), N = 3, n = 1; avgdl = 9 / 3 = 3; dl = 3; tf = 2
        double idf = Math.log(1 + (3 - 1 + 0.5) / (1 + 0.5));
        double expected = idf * 2 / (2 + 1.2 * (1 - 0.75 + 0.75 * 3.0 / 3.0));
        List<SearchHit> hits = index.search("zebra", 3);
        assertEquals(1, hits.size());
        assertEquals(expected, hits.get(0).score(), 1e-5);
    }

    @Test
    void toolPrintsTopKTitlesWithSnippets() throws ToolException {
        SearchTool tool = SearchTool.overDocuments(DOCS, new SearchOptions(2, 20));
        assertEquals("Kelpie: The kelpie is a shap\nBread: Bread is baked from", tool.run("baked water spirit"));
        assertEquals("no results", tool.run("zeppelin"));
        assertEquals("no results", tool.run("the of a"));
        ToolException empty = assertThrows(ToolException.class, () -> tool.run("  "));
        assertEquals("empty query", empty.getMessage());
    }

    @Test
    void corpusFileRoundTripsThroughRegistryAndDiskIndex(@TempDir Path dir) throws ToolException {
        Path corpus = dir.resolve("corpus.jsonl");
        CorpusReader.write(DOCS, corpus);
        Tool fromFile = ToolRegistry.create("search", Map.of("corpus", corpus.toString(), "topK", "1"));
        Path indexDir = dir.resolve("index");
        SearchIndex.writeToDisk(DOCS, indexDir);
        Tool fromDisk = ToolRegistry.create("search", Map.of("index", indexDir.toString(), "topK", "1"));
        assertEquals("Kelpie: " + DOCS.get(1).text().substring(0, SearchOptions.defaults().snippetChars()),
                fromFile.run("water spirit"));
        assertEquals(fromFile.run("water spirit"), fromDisk.run("water spirit"));
        assertEquals(fromFile.run("baking chamber"), fromDisk.run("baking chamber"));
    }

    @Test
    void indexIsCachedPerCorpusContent(@TempDir Path dir) throws IOException {
        Path corpus = dir.resolve("c.jsonl");
        CorpusReader.write(DOCS, corpus);
        SearchIndex first = SearchIndexCache.forCorpusFile(corpus);
        assertSame(first, SearchIndexCache.forCorpusFile(corpus));
        Files.writeString(corpus, "{\"id\":\"z\",\"title\":\"Zed\",\"text\":\"only one\"}\n");
        SearchIndex changed = SearchIndexCache.forCorpusFile(corpus);
        assertNotSame(first, changed);
        assertEquals(1, changed.size());
        assertSame(SearchIndexCache.forDocuments(DOCS), SearchIndexCache.forDocuments(List.copyOf(DOCS)));
    }

    @Test
    void malformedLinesAreReportedWithFileAndLine(@TempDir Path dir) throws IOException {
        Path corpus = dir.resolve("bad.jsonl");
        Files.writeString(corpus, String.join("\n",
                "{\"id\":\"a\",\"title\":\"A\",\"text\":\"alpha\"}",
                "{\"id\":\"b\",\"title\":\"B\"}",
                "not json",
                "",
                "{\"id\":\"a\",\"title\":\"dup\",\"text\":\"x\"}",
                "[1,2]",
                "{\"id\":\" \",\"title\":\"t\",\"text\":\"x\"}",
                "{\"id\":\"c\",\"title\":\"\",\"text\":\" \"}",
                "{\"id\":\"d\",\"title\":\"D\",\"text\":\"delta\"}") + "\n");
        var rows = CorpusReader.read(corpus);
        assertEquals(List.of("a", "d"), rows.rows().stream().map(CorpusDocument::id).toList());
        assertEquals(List.of(
                corpus + ":2: field 'text' is missing",
                corpus + ":3: not valid JSON (near column 1)",
                corpus + ":5: duplicate id 'a'",
                corpus + ":6: not a JSON object",
                corpus + ":7: field 'id' is blank",
                corpus + ":8: fields 'title' and 'text' are both blank"),
                rows.errors().stream().map(Object::toString).toList());
    }

    @Test
    void missingOrUnusableCorpusFailsClearly(@TempDir Path dir) throws IOException {
        Path missing = dir.resolve("nope.jsonl");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ToolRegistry.create("search", Map.of("corpus", missing.toString())));
        assertEquals("corpus file not found: " + missing.toAbsolutePath(), e.getMessage());

        Path bad = dir.resolve("allbad.jsonl");
        Files.writeString(bad, "oops\n{\"id\":\"x\"}\n");
        IllegalArgumentException none = assertThrows(IllegalArgumentException.class,
                () -> SearchIndexCache.forCorpusFile(bad));
        assertEquals("no usable documents in " + bad + ": all 2 line(s) rejected, the first at line 1: not valid "
                + "JSON (near column 1)", none.getMessage());

        IllegalArgumentException noIndex = assertThrows(IllegalArgumentException.class,
                () -> ToolRegistry.create("search", Map.of("index", dir.toString())));
        assertEquals("no search index in " + dir.toAbsolutePath(), noIndex.getMessage());
    }

    @Test
    void optionsAreValidated() {
        IllegalArgumentException neither = assertThrows(IllegalArgumentException.class,
                () -> ToolRegistry.create("search", Map.of()));
        assertTrue(neither.getMessage().contains("exactly one of the options 'corpus'"), neither.getMessage());
        IllegalArgumentException topK = assertThrows(IllegalArgumentException.class,
                () -> new SearchOptions(0, 60));
        assertEquals("search topK must be in [1, 50], got 0", topK.getMessage());
        IllegalArgumentException snippet = assertThrows(IllegalArgumentException.class,
                () -> new SearchOptions(1, 5));
        assertEquals("search snippetChars must be in [10, 2000], got 5", snippet.getMessage());
    }
}
