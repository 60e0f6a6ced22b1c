package io.cleave.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The benchmark plans: both modes share their cached warm starts, whose directory names stay stable. */
class AlgorithmPlanTest {

    @Test
    void cacheDirectoryNamesSpellSuiteSortedOptionsPresetStepsDemosAndWorlds() {
        List<SuitePlan> suites = AlgorithmPlan.tinySuites();
        assertEquals("arith-difficulty1-tiny-800x16-400demos", WarmStartCache.directoryName(suites.get(0), "tiny", 16));
        assertEquals("multihop-difficulty2-people400-tiny-3000x16-4000demos-10worlds",
                WarmStartCache.directoryName(suites.get(1), "tiny", 16));
    }

    @Test
    void quickAndFullShareTheWarmStartsAndDifferInSize() {
        AlgorithmPlan quick = AlgorithmPlan.quick(3);
        AlgorithmPlan full = AlgorithmPlan.full(3);
        assertEquals(quick.setups(), full.setups());
        assertEquals(List.of("arith", "multihop"), full.suites());
        assertEquals(Map.of("difficulty", "2", "people", "400"), full.setup("multihop").options());
        assertTrue(quick.iterations() * quick.basePrompts() < full.iterations() * full.basePrompts());
        assertThrows(IllegalArgumentException.class, () -> full.setup("jsonl"));
        assertEquals("algorithms", AlgorithmsCommand.outputDirectory(full.mode()));
        assertEquals("algorithms-quick", AlgorithmsCommand.outputDirectory(quick.mode()));
    }

    @Test
    void describesTheWarmStart() {
        assertEquals("multihop ({difficulty=2, people=400}): warm start 3000 steps of 16 sequences from 4000 "
                + "demonstrations over 10 generated worlds", AlgorithmPlan.tinySuites().get(1).describe(16));
        assertEquals("arith ({difficulty=1}): warm start 800 steps of 16 sequences from 400 demonstrations",
                AlgorithmPlan.tinySuites().get(0).describe(16));
    }

    @Test
    void refusesEmptySizes() {
        assertThrows(IllegalArgumentException.class,
                () -> new SuitePlan("multihop", Map.of(), 10, 10, 0));
        assertThrows(IllegalArgumentException.class,
                () -> new AlgorithmPlan("x", "tiny", 16, 1, 1, 1, 1, 10, 1e-4, 1, 1, List.of()));
    }
}
