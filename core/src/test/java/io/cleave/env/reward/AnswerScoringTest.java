package io.cleave.env.reward;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class AnswerScoringTest {

    @Test
    void normalisesLikeSquad() {
        assertEquals(List.of("cat", "sat"), AnswerScoring.tokens("The  Cat, sat!"));
        // punctuation is deleted, not replaced by a space (as in the SQuAD script)
        assertEquals("portvel", AnswerScoring.normalize("  a Port-Vel. "));
        assertEquals(List.of(), AnswerScoring.tokens("The a an ."));
        assertEquals("theatre", AnswerScoring.normalize("Theatre"));
    }

    @Test
    void f1CountsSharedTokensAsAMultiset() {
        assertEquals(1.0, AnswerScoring.f1("the Vel", "Vel"));
        // pred {port, vel} vs gold {vel}: P = 1/2, R = 1, F1 = 2/3
        assertEquals(2.0 / 3.0, AnswerScoring.f1("Port Vel", "Vel"), 1e-12);
        // pred {vel, vel} vs gold {vel, tosk}: common 1, P = 1/2, R = 1/2
        assertEquals(0.5, AnswerScoring.f1("vel vel", "vel tosk"), 1e-12);
        assertEquals(0.0, AnswerScoring.f1("Ardo", "Vel"));
        assertEquals(1.0, AnswerScoring.f1("the", "a"));
        assertEquals(0.0, AnswerScoring.f1("the", "Vel"));
    }

    @Test
    void exactMatchComparesNumbersByValue() {
        assertEquals(1.0, AnswerScoring.exactMatch("3.50", "7/2"));
        assertEquals(1.0, AnswerScoring.exactMatch(" 42 ", "42"));
        assertEquals(0.0, AnswerScoring.exactMatch("-42", "42"));
        assertEquals(0.0, AnswerScoring.exactMatch("41", "42"));
        assertEquals(1.0, AnswerScoring.exactMatch("the Vel.", "vel"));
        assertEquals(0.0, AnswerScoring.exactMatch("Port Vel", "Vel"));
        assertEquals(0.0, AnswerScoring.exactMatch("6*7", "42"));
    }

    @Test
    void metricParsesNames() {
        assertEquals(AnswerMetric.F1, AnswerMetric.parse(" F1 "));
        assertEquals(AnswerMetric.EXACT, AnswerMetric.parse("exact"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> AnswerMetric.parse("bleu"));
        assertEquals("unknown answer metric 'bleu'; known metrics: [exact, f1]", e.getMessage());
    }
}
