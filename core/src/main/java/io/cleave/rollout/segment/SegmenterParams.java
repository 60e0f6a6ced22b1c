package io.cleave.rollout.segment;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Parameters shared by the registry's segmenters (each reads only its own).
 *
 * @param entropy   parameters of the {@code entropy} segmenter
 * @param toolTags  tag names of the tools whose closing tag ends a macro-action in the {@code marker} segmenter
 *                  (key {@code segmenter.tools}); {@code think} is always a marker
 */
public record SegmenterParams(EntropyCutParams entropy, List<String> toolTags) {

    private static final Pattern TAG_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_.-]*");

    /** Default: {@link EntropyCutParams#defaults()} and the built-in tools {@code calc} and {@code search}. */
    public static SegmenterParams defaults() {
        return new SegmenterParams(EntropyCutParams.defaults(), List.of("calc", "search"));
    }

    /** Validates the tag names and copies the list. */
    public SegmenterParams {
        Objects.requireNonNull(entropy, "entropy");
        Objects.requireNonNull(toolTags, "segmenter.tools");
        for (String tag : toolTags) {
            if (tag == null || !TAG_NAME.matcher(tag).matches()) {
                throw new IllegalArgumentException("segmenter.tools: '" + tag
                        + "' is not a tag name (letters, digits, '_', '.', '-', not starting with a digit)");
            }
        }
        toolTags = List.copyOf(toolTags);
    }
}
