package io.cleave.train.sft;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cleave.env.demo.ExpertNoise;
import io.cleave.env.tasks.Split;
import io.cleave.env.tasks.TaskSuite;
import io.cleave.env.tasks.arith.ArithConfig;
import io.cleave.env.tasks.arith.ArithSuite;
import io.cleave.env.tasks.multihop.MultihopConfig;
import io.cleave.env.tasks.multihop.MultihopSuite;
import io.cleave.env.tools.search.SearchOptions;
import io.cleave.tokenizer.CharTokenizer;
import io.cleave.train.LearningRateSchedule;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The warm start's demonstrations over several worlds: equal shares, each from its own world's expert run. */
class WarmStartTest {

    private static final ExpertNoise NOISE = new ExpertNoise(0.1, 0.1, 0.1);

    private static MultihopSuite world(long seed) {
        return new MultihopSuite(new MultihopConfig(2, seed, 24, 0.2, new SearchOptions(1, 60)));
    }

    @Test
    void sharesTheDemonstrationsOutOverTheSuitesFirstOnesTakingTheRemainder() {
        CharTokenizer tokenizer = CharTokenizer.instance();
        List<TaskSuite> worlds = List.of(world(1), world(2), world(3));
        WarmStart warmStart = new WarmStart("tiny", 8, NOISE, 1, 1, 1e-3, LearningRateSchedule.Kind.COSINE, 5);

        List<SftExample> drawn = warmStart.examples(worlds, tokenizer);

        List<SftExample> expected = new ArrayList<>();
        int[] shares = {3, 3, 2};
        for (int i = 0; i < worlds.size(); i++) {
            expected.addAll(DemonstrationExamples.of(worlds.get(i), shares[i], NOISE, 5, tokenizer));
        }
        assertEquals(expected.size(), drawn.size());
        for (int i = 0; i < expected.size(); i++) {
            assertArrayEquals(expected.get(i).tokens(), drawn.get(i).tokens(), "example " + i);
            assertArrayEquals(expected.get(i).lossMask(), drawn.get(i).lossMask(), "example " + i);
        }
        String firstOfSecondWorld = tokenizer.decode(drawn.get(3).tokens());
        String personOfSecondWorld = world(2).tasks(Split.TRAIN, 3, 5).get(0).prompt();
        assertTrue(firstOfSecondWorld.startsWith(personOfSecondWorld), firstOfSecondWorld);
    }

    @Test
    void refusesNoSuitesAndMoreSuitesThanDemonstrations() {
        WarmStart warmStart = new WarmStart("tiny", 2, NOISE, 1, 1, 1e-3, LearningRateSchedule.Kind.COSINE, 0);
        CharTokenizer tokenizer = CharTokenizer.instance();
        assertThrows(IllegalArgumentException.class, () -> warmStart.examples(List.of(), tokenizer));
        IllegalArgumentException tooMany = assertThrows(IllegalArgumentException.class,
                () -> warmStart.examples(List.of(world(1), world(2), world(3)), tokenizer));
        assertTrue(tooMany.getMessage().contains("--examples (2)"), tooMany.getMessage());
    }

    @Test
    void worldsAreTheConfiguredWorldThenTheNextWorldSeeds() {
        MultihopSuite configured = world(7);
        assertEquals(List.of(configured), WarmStart.worlds(configured, 1));

        List<TaskSuite> three = WarmStart.worlds(configured, 3);

        assertEquals(3, three.size());
        assertTrue(three.get(0) == configured, "the configured world comes first");
        for (int offset = 1; offset < 3; offset++) {
            String expected = configured.otherWorld(offset).tasks(Split.TRAIN, 1, 0).get(0).prompt();
            assertEquals(expected, three.get(offset).tasks(Split.TRAIN, 1, 0).get(0).prompt(), "world " + offset);
        }
    }

    @Test
    void worldsRefusesZeroAndSuitesWithoutWorlds() {
        IllegalArgumentException zero = assertThrows(IllegalArgumentException.class,
                () -> WarmStart.worlds(world(1), 0));
        assertTrue(zero.getMessage().contains("--worlds must be >= 1"), zero.getMessage());
        IllegalArgumentException arith = assertThrows(IllegalArgumentException.class,
                () -> WarmStart.worlds(new ArithSuite(ArithConfig.defaults()), 2));
        assertEquals("--worlds applies to the multihop suite only, not arith", arith.getMessage());
    }
}
