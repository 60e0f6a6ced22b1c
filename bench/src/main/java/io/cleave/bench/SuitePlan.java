package io.cleave.bench;

import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One suite of the algorithm benchmark: the options it is trained and evaluated with, and how its cached SFT warm
 * start is made.
 *
 * @param suite task suite name
 * @param options suite options (difficulty, world size, ...) for warm start, training and evaluation
 * @param sftSteps warm-start optimizer steps
 * @param sftDemos distinct expert demonstrations the warm start trains on
 * @param worlds generated worlds the demonstrations come from ({@code multihop} only; 1 otherwise), so that names
 *     are copied, not memorised
 */
record SuitePlan(String suite, Map<String, String> options, int sftSteps, int sftDemos, int worlds) {

    /** Validates the sizes. */
    SuitePlan {
        if (sftSteps < 1 || sftDemos < 1 || worlds < 1) {
            throw new IllegalArgumentException("sft-steps, sft-demos and worlds must be >= 1");
        }
        options = Map.copyOf(options);
    }

    /** The options sorted by key, as reports and cache names spell them. */
    SortedMap<String, String> sortedOptions() {
        return new TreeMap<>(options);
    }

    /** How the warm start and the tasks are set, for the report. */
    String describe(int sftBatch) {
        String opts = options.isEmpty() ? "default options" : sortedOptions().toString();
        return String.format(Locale.ROOT, "%s (%s): warm start %d steps of %d sequences from %d demonstrations%s",
                suite, opts, sftSteps, sftBatch, sftDemos, worlds > 1 ? " over " + worlds + " generated worlds" : "");
    }
}
