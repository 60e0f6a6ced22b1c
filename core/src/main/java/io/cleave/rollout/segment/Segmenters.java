package io.cleave.rollout.segment;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The segmenter registry: {@code token}, {@code sequence}, {@code marker}, {@code paragraph}, {@code entropy}.
 */
public final class Segmenters {

    private static final Map<String, Function<SegmenterParams, Segmenter>> FACTORIES = Map.of(
            "token", p -> new TokenSegmenter(),
            "sequence", p -> new SequenceSegmenter(),
            "marker", p -> new MarkerSegmenter(p.toolTags()),
            "paragraph", p -> new ParagraphSegmenter(),
            "entropy", p -> new EntropySegmenter(p.entropy()));

    private Segmenters() {}

    /** Registered names, sorted. */
    public static List<String> names() {
        return FACTORIES.keySet().stream().sorted().toList();
    }

    /**
     * The segmenter registered under {@code name}, configured by {@code params}.
     *
     * @throws IllegalArgumentException for an unknown name (the message lists the known ones)
     */
    public static Segmenter create(String name, SegmenterParams params) {
        Function<SegmenterParams, Segmenter> factory = name == null ? null : FACTORIES.get(name);
        if (factory == null) {
            throw new IllegalArgumentException("unknown segmenter '" + name + "'; known: " + names());
        }
        return factory.apply(params);
    }

    /** The segmenter registered under {@code name} with {@link SegmenterParams#defaults()}. */
    public static Segmenter create(String name) {
        return create(name, SegmenterParams.defaults());
    }
}
