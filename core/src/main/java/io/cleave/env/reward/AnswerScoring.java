package io.cleave.env.reward;

import io.cleave.env.tools.calc.Rational;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Answer comparison as in the SQuAD evaluation script: normalise (lowercase, drop ASCII punctuation, drop the
 * articles a/an/the, split on whitespace), then exact match or token-level F1.
 */
public final class AnswerScoring {

    private static final String PUNCTUATION = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";
    private static final Pattern ARTICLES = Pattern.compile("\\b(a|an|the)\\b");

    private AnswerScoring() {}

    /** The normalised tokens of {@code text}. */
    public static List<String> tokens(String text) {
        StringBuilder kept = new StringBuilder(text.length());
        for (char c : text.toLowerCase(Locale.ROOT).toCharArray()) {
            if (PUNCTUATION.indexOf(c) < 0) {
                kept.append(c);
            }
        }
        String noArticles = ARTICLES.matcher(kept).replaceAll(" ");
        String stripped = noArticles.strip();
        return stripped.isEmpty() ? List.of() : Arrays.asList(stripped.split("\\s+"));
    }

    /** The normalised text: {@link #tokens} joined by single spaces. */
    public static String normalize(String text) {
        return String.join(" ", tokens(text));
    }

    /**
     * 1 when the answers match, else 0. When both are plain numbers ({@code 42}, {@code -2.5}, {@code 7/2}) they
     * match by value ({@code 3.50} = {@code 7/2}); otherwise by normalised text.
     */
    public static double exactMatch(String predicted, String gold) {
        Optional<Rational> p = Rational.parseLiteral(predicted);
        Optional<Rational> g = Rational.parseLiteral(gold);
        if (p.isPresent() && g.isPresent()) {
            return p.get().equals(g.get()) ? 1.0 : 0.0;
        }
        return normalize(predicted).equals(normalize(gold)) ? 1.0 : 0.0;
    }

    /**
     * Token-level F1 = 2PR / (P + R) over the multiset of normalised tokens; when either side has no tokens, 1 if
     * both have none, else 0.
     */
    public static double f1(String predicted, String gold) {
        List<String> p = tokens(predicted);
        List<String> g = tokens(gold);
        if (p.isEmpty() || g.isEmpty()) {
            return p.isEmpty() && g.isEmpty() ? 1.0 : 0.0;
        }
        Map<String, Integer> goldCounts = new HashMap<>();
        g.forEach(t -> goldCounts.merge(t, 1, Integer::sum));
        int common = 0;
        for (String t : p) {
            Integer left = goldCounts.get(t);
            if (left != null && left > 0) {
                common++;
                goldCounts.put(t, left - 1);
            }
        }
        if (common == 0) {
            return 0.0;
        }
        double precision = (double) common / p.size();
        double recall = (double) common / g.size();
        return 2 * precision * recall / (precision + recall);
    }
}
