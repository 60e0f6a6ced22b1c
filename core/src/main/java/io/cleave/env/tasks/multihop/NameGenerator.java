package io.cleave.env.tasks.multihop;

import io.cleave.env.tools.search.SearchIndex;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

/**
 * Invents short entity names of one or two syllables ({@code Vel}, {@code Kato}, {@code Miran}). Each name is new,
 * at least three letters, and distinct after search analysis (lowercasing, stemming, stop words) from every other
 * name and from every word of the document and question templates, so a search for a name finds its own document.
 */
final class NameGenerator {

    private static final String ONSETS = "bdfgklmnprstvz";
    private static final String VOWELS = "aeiou";
    private static final String[] CODAS = {"", "n", "r", "l", "s"};
    private static final int MAX_ATTEMPTS = 100_000;

    private final Random rnd;
    private final Set<String> takenTerms = new HashSet<>();

    /** A generator drawing from {@code rnd}, avoiding the analysed terms of {@code reservedText}. */
    NameGenerator(Random rnd, String reservedText) {
        this.rnd = rnd;
        takenTerms.addAll(SearchIndex.analyze(reservedText));
        for (String word : reservedText.toLowerCase(Locale.ROOT).split("[^a-z]+")) {
            takenTerms.add(word);
        }
    }

    /** The next new name. */
    String next() {
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            String name = candidate();
            String lower = name.toLowerCase(Locale.ROOT);
            List<String> terms = SearchIndex.analyze(name);
            if (name.length() >= 3 && terms.size() == 1 && !takenTerms.contains(lower)
                    && !takenTerms.contains(terms.get(0))) {
                takenTerms.add(lower);
                takenTerms.add(terms.get(0));
                return name;
            }
        }
        throw new IllegalStateException("ran out of entity names");
    }

    private String candidate() {
        int syllables = 1 + rnd.nextInt(2);
        StringBuilder sb = new StringBuilder();
        for (int s = 0; s < syllables; s++) {
            sb.append(ONSETS.charAt(rnd.nextInt(ONSETS.length())));
            sb.append(VOWELS.charAt(rnd.nextInt(VOWELS.length())));
        }
        sb.append(CODAS[rnd.nextInt(CODAS.length)]);
        sb.setCharAt(0, Character.toUpperCase(sb.charAt(0)));
        return sb.toString();
    }
}
