package io.cleave.env.tasks.multihop;

import io.cleave.env.tasks.Split;
import io.cleave.env.tools.search.SearchOptions;
import io.cleave.env.util.Options;
import java.util.Set;

/**
 * Settings of the {@code multihop} suite.
 *
 * @param difficulty hops per question: 2 or 3
 * @param worldSeed the seed of the generated world (and so of its corpus)
 * @param people number of people in the world, in [12, 400] (firms and towns scale with it)
 * @param testFraction share of the questions held out for testing, in (0, 1)
 * @param search hits and snippet length of the suite's search tool (keys {@code search.topK},
 *     {@code search.snippetChars})
 */
public record MultihopConfig(int difficulty, long worldSeed, int people, double testFraction,
        SearchOptions search) {

    /** Option key of {@link #difficulty}. */
    public static final String DIFFICULTY = "difficulty";
    /** Option key of {@link #worldSeed}. */
    public static final String WORLD_SEED = "worldSeed";
    /** Option key of {@link #people}. */
    public static final String PEOPLE = "people";
    /** Option key of {@link #testFraction}. */
    public static final String TEST_FRACTION = "testFraction";
    /** Prefix of the search option keys. */
    public static final String SEARCH_PREFIX = "search.";

    /** Checks the ranges. */
    public MultihopConfig {
        if (difficulty < 2 || difficulty > 3) {
            throw new IllegalArgumentException("multihop difficulty must be in [2, 3], got " + difficulty);
        }
        if (people < 12 || people > 400) {
            throw new IllegalArgumentException("multihop people must be in [12, 400], got " + people);
        }
        Split.checkFraction("multihop testFraction", testFraction);
    }

    /** 2 hops, world seed 1, 60 people, 20% held out, search top-1 with 60-character snippets. */
    public static MultihopConfig defaults() {
        return new MultihopConfig(2, 1L, 60, 0.2, new SearchOptions(1, 60));
    }

    /** Reads the keys above, defaults for unset keys. */
    public static MultihopConfig fromOptions(Options options) {
        options.requireKnown(Set.of(DIFFICULTY, WORLD_SEED, PEOPLE, TEST_FRACTION,
                SEARCH_PREFIX + SearchOptions.TOP_K, SEARCH_PREFIX + SearchOptions.SNIPPET_CHARS), Set.of(),
                "task suite multihop");
        MultihopConfig d = defaults();
        return new MultihopConfig(options.getInt(DIFFICULTY, d.difficulty()),
                options.getLong(WORLD_SEED, d.worldSeed()), options.getInt(PEOPLE, d.people()),
                options.getDouble(TEST_FRACTION, d.testFraction()),
                SearchOptions.fromOptions(options.withPrefix(SEARCH_PREFIX), d.search()));
    }
}
