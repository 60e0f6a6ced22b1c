package io.cleave.rollout.segment;

import io.cleave.registry.Registry;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The segmenter registry: {@code token}, {@code sequence}, {@code marker}, {@code paragraph}, {@code entropy}.
 */
public final class Segmenters {

    private static final Registry<Function<SegmenterParams, Segmenter>> REGISTRY = new Registry<>("segmenter",
            Map.of(
                    "token", p -> new TokenSegmenter(),
                    "sequence", p -> new SequenceSegmenter(),
                    "marker", p -> new MarkerSegmenter(p.toolTags()),
                    "paragraph", p -> new ParagraphSegmenter(),
                    "entropy", p -> new EntropySegmenter(p.entropy())));

    private Segmenters() {}

    /** Registered names, sorted. */
    public static List<String> names() {
        return REGISTRY.names();
    }

    /**
     * The segmenter registered under {@code name}, configured by {@code params}.
     *
     * @throws IllegalArgumentException for an unknown name (the message lists the known ones)
     */
    public static Segmenter create(String name, SegmenterParams params) {
        return REGISTRY.get(name).apply(params);
    }

    /** The segmenter registered under {@code name} with {@link SegmenterParams#defaults()}. */
    public static Segmenter create(String name) {
        return create(name, SegmenterParams.defaults());
    }
}
