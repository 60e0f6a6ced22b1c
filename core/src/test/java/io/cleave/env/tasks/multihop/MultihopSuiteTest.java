package io.cleave.env.tasks.multihop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cleave.env.tasks.PlanStep;
import io.cleave.env.tasks.Split;
import io.cleave.env.tasks.Task;
import io.cleave.env.tools.ToolException;
import io.cleave.env.tools.registry.ToolRegistry;
import io.cleave.env.tools.search.CorpusDocument;
import io.cleave.env.tools.search.SearchOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MultihopSuiteTest {

    private static MultihopSuite suite(int difficulty, long worldSeed) {
        return new MultihopSuite(new MultihopConfig(difficulty, worldSeed, 60, 0.2, new SearchOptions(1, 60)));
    }

    @Test
    void worldIsRepeatablePerSeedWithOneDocumentPerEntity() {
        MultihopSuite a = suite(2, 5);
        assertEquals(a.corpus(), suite(3, 5).corpus());
        assertNotEquals(a.corpus(), suite(2, 6).corpus());
        World w = a.world();
        int entities = w.people().size() + w.firms().size() + w.towns().size() + w.regions().size();
        assertEquals(entities, a.corpus().size());
        assertEquals(entities, a.corpus().stream().map(CorpusDocument::title).distinct().count());
        for (CorpusDocument doc : a.corpus()) {
            assertTrue(doc.title().length() >= 3 && doc.title().length() <= 6, doc.title());
            assertTrue((doc.title() + ": " + doc.text()).length() <= 60, doc.toString());
        }
    }

    @ParameterizedTest(name = "{0} hops")
    @ValueSource(ints = {2, 3})
    void answersAreNeverInTheAnchorDocument(int hops) {
        MultihopSuite s = suite(hops, 1);
        Map<String, CorpusDocument> byTitle = s.corpus().stream()
                .collect(Collectors.toMap(CorpusDocument::title, Function.identity()));
        List<Task> all = allTasks(s);
        assertTrue(all.size() > 100, "pool of " + all.size());
        for (Task task : all) {
            PlanStep first = task.plan().steps().get(0);
            CorpusDocument anchor = byTitle.get(first.argumentTemplate());
            assertTrue(task.prompt().contains(anchor.title()), task.prompt());
            String anchorText = (anchor.title() + " " + anchor.text()).toLowerCase(Locale.ROOT);
            assertFalse(anchorText.contains(task.gold().toLowerCase(Locale.ROOT)), task + " / " + anchor);
            long searches = task.plan().steps().stream().filter(p -> p.tool().equals("search")).count();
            assertEquals(hops, searches, task.prompt());
            assertTrue(task.prompt().length() <= 100, task.prompt());
            assertTrue(task.prompt().chars().allMatch(ch -> ch == '\n' || (ch >= ' ' && ch <= '~')));
        }
    }

    @Test
    void numericAnswersAppearInNoDocumentAtAll() {
        MultihopSuite s = suite(2, 1);
        List<Task> numeric = allTasks(s).stream().filter(t -> t.plan().numericAnswer()).toList();
        assertFalse(numeric.isEmpty());
        Set<String> numbersInCorpus = s.corpus().stream()
                .flatMap(d -> List.of(d.text().split("[^0-9]+")).stream())
                .collect(Collectors.toSet());
        for (Task t : numeric) {
            assertEquals("calc", t.plan().steps().get(t.plan().steps().size() - 1).tool());
            assertFalse(numbersInCorpus.contains(t.gold()), t.prompt());
        }
    }

    @ParameterizedTest(name = "{0} hops")
    @ValueSource(ints = {2, 3})
    void splitsAreDisjointAndRepeatable(int hops) {
        MultihopSuite s = suite(hops, 1);
        List<Task> train = s.tasks(Split.TRAIN, 10_000, 1);
        List<Task> test = s.tasks(Split.TEST, 10_000, 1);
        assertEquals(s.poolSize(Split.TRAIN), train.size());
        assertEquals(s.poolSize(Split.TEST), test.size());
        assertTrue(test.size() > 10);
        Set<String> overlap = train.stream().map(Task::prompt).collect(Collectors.toCollection(HashSet::new));
        overlap.retainAll(test.stream().map(Task::prompt).collect(Collectors.toSet()));
        assertEquals(Set.of(), overlap);
        train.forEach(t -> assertEquals(Split.TRAIN, Split.of(t.prompt(), 0.2)));
        test.forEach(t -> assertEquals(Split.TEST, Split.of(t.prompt(), 0.2)));
        assertEquals(s.tasks(Split.TRAIN, 20, 4), suite(hops, 1).tasks(Split.TRAIN, 20, 4));
        assertNotEquals(s.tasks(Split.TRAIN, 20, 4), s.tasks(Split.TRAIN, 20, 5));
    }

    @Test
    void writtenCorpusServesTheSameSearchAsTheSuiteTool(@TempDir Path dir) throws ToolException {
        MultihopSuite s = suite(2, 1);
        Path file = dir.resolve("world.jsonl");
        s.writeCorpus(file);
        var fromFile = ToolRegistry.create("search", Map.of("corpus", file.toString(), "topK", "1"));
        var builtIn = s.tools().find("search").orElseThrow();
        for (CorpusDocument doc : s.corpus()) {
            String hit = builtIn.run(doc.title());
            assertEquals(doc.title() + ": " + doc.text(), hit, "own document ranks first");
            assertEquals(hit, fromFile.run(doc.title()));
        }
    }

    @Test
    void configIsValidated() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new MultihopConfig(4, 1, 60, 0.2, new SearchOptions(1, 60)));
        assertEquals("multihop difficulty must be in [2, 3], got 4", e.getMessage());
        IllegalArgumentException p = assertThrows(IllegalArgumentException.class,
                () -> new MultihopConfig(2, 1, 5, 0.2, new SearchOptions(1, 60)));
        assertEquals("multihop people must be in [12, 400], got 5", p.getMessage());
    }

    @Test
    void anotherWorldHasOtherNamesTheSameSettingsAndNoneOfThisWorldsTestQuestions() {
        MultihopSuite base = suite(2, 1);
        MultihopSuite other = base.otherWorld(3);
        assertEquals(suite(2, 4).corpus(), other.corpus());
        assertEquals(base.difficulty(), other.difficulty());
        assertEquals(base.world().people().size(), other.world().people().size());
        Set<String> baseNames = base.world().people().stream().map(World.Person::name).collect(Collectors.toSet());
        long shared = other.world().people().stream().map(World.Person::name).filter(baseNames::contains).count();
        assertTrue(shared < baseNames.size() / 2, shared + " of " + baseNames.size() + " names shared");
        Set<String> baseTest = base.tasks(Split.TEST, 10_000, 0).stream().map(Task::prompt)
                .collect(Collectors.toSet());
        for (Task task : other.tasks(Split.TRAIN, 10_000, 0)) {
            assertFalse(baseTest.contains(task.prompt()), task.prompt());
        }
        assertEquals(base.tasks(Split.TRAIN, 50, 7), base.otherWorld(0).tasks(Split.TRAIN, 50, 7));
    }

    private static List<Task> allTasks(MultihopSuite s) {
        List<Task> all = new ArrayList<>(s.tasks(Split.TRAIN, 10_000, 0));
        all.addAll(s.tasks(Split.TEST, 10_000, 0));
        return all;
    }
}
