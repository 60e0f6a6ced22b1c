package io.cleave.train.config;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The text values of one section's keys with typed getters; a value that does not parse fails with a
 * {@link ConfigException} naming the key, the value and its origin.
 */
final class SectionValues {

    /** Texts that leave an optional path unset: empty, YAML's {@code ~} and {@code null}. */
    private static final Set<String> UNSET = Set.of("", "~", "null");

    private final Map<String, ConfigValue> values;

    SectionValues(Map<String, ConfigValue> values) {
        this.values = new LinkedHashMap<>(values);
    }

    /** The raw entries. */
    Map<String, ConfigValue> entries() {
        return values;
    }

    /** A copy with {@code key} set to {@code value}. */
    SectionValues with(String key, ConfigValue value) {
        SectionValues copy = new SectionValues(values);
        copy.values.put(key, value);
        return copy;
    }

    /** The trimmed text of {@code key}. */
    String text(String key) {
        return value(key).text().trim();
    }

    /** The entries whose key starts with {@code prefix}, prefix removed, as trimmed text. */
    Map<String, String> withPrefix(String prefix) {
        Map<String, String> out = new LinkedHashMap<>();
        values.forEach((key, value) -> {
            if (key.startsWith(prefix)) {
                out.put(key.substring(prefix.length()), value.text().trim());
            }
        });
        return out;
    }

    int integer(String key) {
        try {
            return Integer.parseInt(text(key));
        } catch (NumberFormatException e) {
            throw ConfigException.badValue(key, value(key), "not an integer");
        }
    }

    long longInteger(String key) {
        try {
            return Long.parseLong(text(key));
        } catch (NumberFormatException e) {
            throw ConfigException.badValue(key, value(key), "not a 64-bit integer");
        }
    }

    double number(String key) {
        try {
            return Double.parseDouble(text(key));
        } catch (NumberFormatException e) {
            throw ConfigException.badValue(key, value(key), "not a number");
        }
    }

    Path path(String key) {
        return optionalPath(key).orElseThrow(() -> ConfigException.badValue(key, value(key), "a path is required"));
    }

    /** The path of {@code key}, empty when the value is empty, {@code ~} or {@code null}. */
    Optional<Path> optionalPath(String key) {
        String text = text(key);
        return UNSET.contains(text.toLowerCase(Locale.ROOT)) ? Optional.empty() : Optional.of(Path.of(text));
    }

    private ConfigValue value(String key) {
        ConfigValue value = values.get(key);
        if (value == null) {
            throw new IllegalStateException("no value for " + key + " in " + values.keySet());
        }
        return value;
    }
}
