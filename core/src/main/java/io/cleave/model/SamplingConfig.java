package io.cleave.model;

/**
 * How the next token is drawn.
 *
 * @param temperature logits are divided by it; 0 means greedy (argmax)
 * @param topK keep only the {@code k} most likely tokens; 0 disables
 * @param topP keep the smallest set of most likely tokens whose probability reaches {@code p}; 1 disables
 */
public record SamplingConfig(double temperature, int topK, double topP) {

    /** Plain sampling from the model's distribution. */
    public static final SamplingConfig DEFAULT = new SamplingConfig(1.0, 0, 1.0);

    /** Validates the ranges; messages name the field. */
    public SamplingConfig {
        if (!(temperature >= 0) || Double.isInfinite(temperature)) {
            throw new IllegalArgumentException("temperature must be >= 0, got " + temperature);
        }
        if (topK < 0) {
            throw new IllegalArgumentException("top_k must be >= 0 (0 disables), got " + topK);
        }
        if (!(topP > 0 && topP <= 1)) {
            throw new IllegalArgumentException("top_p must be in (0, 1], got " + topP);
        }
    }

    /** Whether tokens are chosen by argmax. */
    public boolean greedy() {
        return temperature == 0;
    }

    /** Whether the distribution is truncated before sampling. */
    boolean truncates() {
        return topK > 0 || topP < 1;
    }

    /** The temperature that scales the log-probs reported for sampled tokens (1 when greedy). */
    public double scoringTemperature() {
        return greedy() ? 1.0 : temperature;
    }
}
