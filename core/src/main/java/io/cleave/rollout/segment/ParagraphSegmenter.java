package io.cleave.rollout.segment;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code paragraph}: a macro-action ends at a blank line (a newline, optional spaces or tabs, a newline; a run of
 * blank lines counts once). The next macro-action starts at the first token that begins after the blank lines.
 */
final class ParagraphSegmenter implements Segmenter {

    private static final Pattern BLANK_LINES = Pattern.compile("\\n[ \\t\\r]*\\n(?:[ \\t\\r]*\\n)*");

    @Override
    public String name() {
        return "paragraph";
    }

    @Override
    public int[] cuts(SegmentInput input) {
        String text = String.join("", input.tokenText());
        int[] starts = Cuts.tokenStarts(input.tokenText());
        List<Integer> raw = new ArrayList<>();
        Matcher blank = BLANK_LINES.matcher(text);
        while (blank.find()) {
            raw.add(Cuts.cutAfterChar(starts, blank.end()));
        }
        return Cuts.normalize(raw.stream().mapToInt(Integer::intValue).toArray(), input.policyMask());
    }
}
