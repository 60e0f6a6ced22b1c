package io.cleave.train.config;

import java.util.ArrayList;
import java.util.List;

/**
 * Nearest known keys to a mistyped one, by Levenshtein distance (insertions, deletions and substitutions of one
 * character each cost 1).
 */
final class KeySuggestions {

    /** Suggestions at most this many edits away, or a third of the key's length when that is more. */
    private static final int MIN_DISTANCE_LIMIT = 3;
    private static final int MAX_SUGGESTIONS = 3;

    private KeySuggestions() {}

    /** The candidates closest to {@code wanted} (all ties, at most three), or none when every one is far off. */
    static List<String> nearest(String wanted, List<String> candidates) {
        int limit = Math.max(MIN_DISTANCE_LIMIT, wanted.length() / 3);
        int best = Integer.MAX_VALUE;
        List<String> closest = new ArrayList<>();
        for (String candidate : candidates) {
            int d = distance(wanted, candidate);
            if (d > limit || d > best) {
                continue;
            }
            if (d < best) {
                best = d;
                closest.clear();
            }
            if (closest.size() < MAX_SUGGESTIONS) {
                closest.add(candidate);
            }
        }
        return closest;
    }

    /** The Levenshtein distance between {@code a} and {@code b}. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
