package io.cleave.env.reward;

/** How a task compares a predicted answer with its gold answer; each score is in [0, 1]. */
public enum AnswerMetric {
    /** {@link AnswerScoring#exactMatch}: numbers by value, other text after SQuAD normalisation. */
    EXACT,
    /** {@link AnswerScoring#f1}: SQuAD token-level F1. */
    F1;

    /** The score of {@code predicted} against {@code gold}. */
    public double score(String predicted, String gold) {
        return this == EXACT ? AnswerScoring.exactMatch(predicted, gold) : AnswerScoring.f1(predicted, gold);
    }

    /** The metric called {@code name} ({@code exact} or {@code f1}, any case). */
    public static AnswerMetric parse(String name) {
        for (AnswerMetric m : values()) {
            if (m.name().equalsIgnoreCase(name.strip())) {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown answer metric '" + name + "'; known metrics: [exact, f1]");
    }
}
