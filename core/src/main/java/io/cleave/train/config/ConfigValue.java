package io.cleave.train.config;

import java.util.Objects;

/**
 * One setting's text and where it came from, so that errors can point at it.
 *
 * @param text the value as written (YAML scalars and {@code --set} values are both read as text)
 * @param origin {@code FILE:LINE}, {@code --set}, {@code override} or {@code default}
 */
record ConfigValue(String text, String origin) {

    /** Origin of values taken from {@link TrainConfig#defaults()}. */
    static final String DEFAULT = "default";

    ConfigValue {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(origin, "origin");
    }
}
