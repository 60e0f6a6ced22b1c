package io.cleave.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.cleave.algo.advantage.AdvantageEstimators;
import io.cleave.algo.loss.LossAggregations;
import io.cleave.rollout.branch.BranchPolicies;
import io.cleave.rollout.segment.Segmenters;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RegistryTest {

    @Test
    void namesAreSortedAndUnknownNamesListTheKnownOnes() {
        Registry<Integer> registry = new Registry<>("colour", Map.of("red", 1, "blue", 2, "green", 3));
        assertEquals(List.of("blue", "green", "red"), registry.names());
        assertSame(registry.get("green"), registry.get("green"));
        assertEquals(2, registry.get("blue"));
        assertEquals("unknown colour 'teal'; known: [blue, green, red]",
                assertThrows(IllegalArgumentException.class, () -> registry.get("teal")).getMessage());
        assertEquals("unknown colour 'null'; known: [blue, green, red]",
                assertThrows(IllegalArgumentException.class, () -> registry.get(null)).getMessage());
    }

    @Test
    void everyFamilyRefusesUnknownNamesTheSameWay() {
        assertEquals("unknown advantage estimator 'x'; known: " + AdvantageEstimators.names(),
                assertThrows(IllegalArgumentException.class, () -> AdvantageEstimators.get("x")).getMessage());
        assertEquals("unknown branch policy 'x'; known: [arpo, boundary, none]",
                assertThrows(IllegalArgumentException.class, () -> BranchPolicies.create("x", null)).getMessage());
        assertEquals("unknown segmenter 'x'; known: [entropy, marker, paragraph, sequence, token]",
                assertThrows(IllegalArgumentException.class, () -> Segmenters.create("x")).getMessage());
        assertEquals("unknown loss aggregation 'x'; known: " + LossAggregations.names(),
                assertThrows(IllegalArgumentException.class, () -> LossAggregations.get("x")).getMessage());
    }
}
