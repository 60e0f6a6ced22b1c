package io.cleave.rollout.segment;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code marker}: a macro-action ends after the closing tag of a tool ({@code </calc>}, {@code </search>}, any
 * configured {@code </NAME>}) and after {@code </think>}.
 *
 * <p>A tool's result belongs to the macro-action that called it: when the tool's closing tag is followed (after
 * optional whitespace) by {@code <result>...</result>}, the cut falls after {@code </result>}; environment tokens
 * right after a cut also stay with the earlier macro-action. A tag that ends inside a token cuts after that token.
 */
final class MarkerSegmenter implements Segmenter {

    private static final Pattern CLOSING_TAG = Pattern.compile("</([A-Za-z_][A-Za-z0-9_.-]*)>");
    private static final Pattern RESULT_OPEN = Pattern.compile("\\s*<result>");
    private static final String RESULT_CLOSE = "</result>";
    private static final String THINK = "think";

    private final Set<String> toolTags;

    MarkerSegmenter(List<String> toolTags) {
        this.toolTags = new HashSet<>(toolTags);
    }

    @Override
    public String name() {
        return "marker";
    }

    @Override
    public int[] cuts(SegmentInput input) {
        String text = String.join("", input.tokenText());
        int[] starts = Cuts.tokenStarts(input.tokenText());
        List<Integer> raw = new ArrayList<>();
        Matcher tag = CLOSING_TAG.matcher(text);
        while (tag.find()) {
            String name = tag.group(1);
            if (name.equals(THINK)) {
                raw.add(Cuts.cutAfterChar(starts, tag.end()));
            } else if (toolTags.contains(name)) {
                raw.add(Cuts.cutAfterChar(starts, endOfResult(text, tag.end())));
            }
        }
        return Cuts.normalize(raw.stream().mapToInt(Integer::intValue).toArray(), input.policyMask());
    }

    /** End of the {@code <result>...</result>} block following {@code from}, or {@code from} when there is none. */
    private static int endOfResult(String text, int from) {
        Matcher open = RESULT_OPEN.matcher(text).region(from, text.length());
        if (!open.lookingAt()) {
            return from;
        }
        int close = text.indexOf(RESULT_CLOSE, open.end());
        return close < 0 ? text.length() : close + RESULT_CLOSE.length();
    }
}
