package io.cleave.env.reward;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.cleave.env.protocol.TrajectoryParser;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RewardTest {

    private static final TrajectoryParser PARSER = new TrajectoryParser(Set.of("calc", "search"));
    private static final String CALC_ONLY = "<calc>7*12</calc><result>84</result><answer>84</answer>";
    private static final String BOTH_TOOLS = "<search>Drun</search><result>Drun: founded 1990 by Mira.</result>"
            + "<search>Mira</search><result>Mira: born 1961 in Vel.</result>"
            + "<calc>1990-1961</calc><result>29</result><answer>29</answer>";
    private static final String SEARCH_TWICE = "<search>Drun</search><result>Drun: by Mira.</result>"
            + "<search>Mira</search><result>Mira: born in Port Vel.</result><answer>%s</answer>";

    private static RewardResult score(String reward, String trajectory, String gold, AnswerMetric metric) {
        return RewardRegistry.create(reward).score(new RewardInput(PARSER.parse(trajectory), gold, metric));
    }

    @Test
    void arpoPenalisesBrokenFormat() {
        assertEquals(new RewardResult(false, 0.0, 0.0, -1.0, false),
                score("arpo", "<calc>7*12</calc><answer>84</answer>", "84", AnswerMetric.EXACT));
        assertEquals(new RewardResult(false, 0.0, 0.0, -1.0, false),
                score("arpo", "<answer>84</answer> and more", "84", AnswerMetric.EXACT));
    }

    @Test
    void arpoGivesZeroForAWrongAnswer() {
        assertEquals(new RewardResult(true, 0.0, 0.0, 0.0, false),
                score("arpo", CALC_ONLY, "85", AnswerMetric.EXACT));
        assertEquals(new RewardResult(true, 0.0, 0.0, 0.0, false),
                score("arpo", BOTH_TOOLS, "30", AnswerMetric.EXACT));
    }

    @Test
    void arpoGivesOneForARightAnswerWithOneKindOfTool() {
        assertEquals(new RewardResult(true, 1.0, 0.0, 1.0, true),
                score("arpo", CALC_ONLY, "84", AnswerMetric.EXACT));
        assertEquals(new RewardResult(true, 1.0, 0.0, 1.0, true),
                score("arpo", "<answer>84</answer>", "84", AnswerMetric.EXACT));
        assertEquals(new RewardResult(true, 1.0, 0.0, 1.0, true),
                score("arpo", SEARCH_TWICE.formatted("Port Vel"), "port vel", AnswerMetric.F1));
    }

    @Test
    void arpoAddsTheBonusForARightAnswerWithSeveralKindsOfTool() {
        RewardResult r = score("arpo", BOTH_TOOLS, "29", AnswerMetric.EXACT);
        assertEquals(new RewardResult(true, 1.0, 0.1, 1.1, true), r);
        assertEquals(1.1, score("arpo", BOTH_TOOLS, "29", AnswerMetric.F1).total(), 1e-12);
    }

    @Test
    void arpoGivesPartialF1WithoutBonus() {
        String both = BOTH_TOOLS.replace("<answer>29</answer>", "<answer>29 years</answer>");
        RewardResult r = score("arpo", both, "29", AnswerMetric.F1);
        // pred {29, years} vs gold {29}: P = 1/2, R = 1, F1 = 2/3; not fully right, so no bonus
        assertEquals(2.0 / 3.0, r.total(), 1e-12);
        assertEquals(0.0, r.bonus());
        assertEquals(false, r.correct());
        assertEquals(true, r.formatValid());
    }

    @Test
    void exactMatchAndF1IgnoreTheTaskMetricAndTheFormat() {
        String broken = "<calc>7*12</calc><answer>84</answer>";
        assertEquals(new RewardResult(false, 1.0, 0.0, 1.0, true),
                score("exact-match", broken, "84", AnswerMetric.F1));
        assertEquals(new RewardResult(true, 0.0, 0.0, 0.0, false),
                score("exact-match", SEARCH_TWICE.formatted("Vel"), "Port Vel", AnswerMetric.F1));
        RewardResult f1 = score("f1", SEARCH_TWICE.formatted("Vel"), "Port Vel", AnswerMetric.EXACT);
        assertEquals(2.0 / 3.0, f1.total(), 1e-12);
        assertEquals(false, f1.correct());
        assertEquals(new RewardResult(false, 0.0, 0.0, 0.0, false),
                score("f1", "<think>no answer</think>", "Vel", AnswerMetric.F1));
        assertEquals(new RewardResult(false, 0.0, 0.0, 0.0, false),
                score("exact-match", "<answer>1</answer><answer>84</answer>", "84", AnswerMetric.EXACT));
    }

    @Test
    void registryListsKnownRewards() {
        assertEquals(Set.of("arpo", "exact-match", "f1"), RewardRegistry.names());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RewardRegistry.create("bleu"));
        assertEquals("unknown reward 'bleu'; known rewards: [arpo, exact-match, f1]", e.getMessage());
    }
}
