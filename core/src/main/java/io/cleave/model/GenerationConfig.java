package io.cleave.model;

import java.util.List;
import java.util.Set;

/**
 * What {@link Generator} produces and when it stops.
 *
 * @param sampling temperature, top-k, top-p
 * @param maxNewTokens most tokens generated per row
 * @param stopStrings a row stops once its generated text ends with any of these (the string is kept)
 * @param stopTokenIds a row stops after generating any of these ids (end of text is always one)
 * @param seed base of every row's random stream
 */
public record GenerationConfig(SamplingConfig sampling, int maxNewTokens, List<String> stopStrings,
        Set<Integer> stopTokenIds, long seed) {

    /** Validates the fields; messages name the field. */
    public GenerationConfig {
        if (sampling == null) {
            throw new IllegalArgumentException("sampling must be set");
        }
        if (maxNewTokens <= 0) {
            throw new IllegalArgumentException("max_new_tokens must be > 0, got " + maxNewTokens);
        }
        stopStrings = List.copyOf(stopStrings);
        stopTokenIds = Set.copyOf(stopTokenIds);
        for (String s : stopStrings) {
            if (s.isEmpty()) {
                throw new IllegalArgumentException("stop strings must not be empty");
            }
        }
    }
}
