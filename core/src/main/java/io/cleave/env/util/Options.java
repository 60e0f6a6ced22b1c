package io.cleave.env.util;

import java.util.Collection;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * An immutable map of string options, as they come from a YAML file or {@code --set key=value} overrides, with
 * typed getters whose errors name the key. Range checks belong to the config records built from the values; this
 * class only parses.
 */
public final class Options {

    private final Map<String, String> values;

    private Options(Map<String, String> values) {
        this.values = values;
    }

    /** Wraps a copy of {@code values} (keys sorted, for stable messages). */
    public static Options of(Map<String, String> values) {
        return new Options(Collections.unmodifiableMap(new TreeMap<>(values)));
    }

    /**
     * Returns this, after checking that every key is either in {@code allowed} or starts with one of
     * {@code allowedPrefixes}; otherwise throws {@link IllegalArgumentException} listing the allowed keys.
     */
    public Options requireKnown(Collection<String> allowed, Collection<String> allowedPrefixes, String owner) {
        for (String key : values.keySet()) {
            boolean prefixed = allowedPrefixes.stream().anyMatch(key::startsWith);
            if (!allowed.contains(key) && !prefixed) {
                throw new IllegalArgumentException("unknown option '" + key + "' for " + owner + "; known options: "
                        + new TreeSet<>(allowed) + (allowedPrefixes.isEmpty() ? "" : " and keys starting with "
                        + new TreeSet<>(allowedPrefixes)));
            }
        }
        return this;
    }

    /** The options whose key starts with {@code prefix}, with the prefix removed. */
    public Options withPrefix(String prefix) {
        Map<String, String> sub = new TreeMap<>();
        values.forEach((k, v) -> {
            if (k.startsWith(prefix)) {
                sub.put(k.substring(prefix.length()), v);
            }
        });
        return of(sub);
    }

    /** The raw value of {@code key}, if set. */
    public Optional<String> get(String key) {
        return Optional.ofNullable(values.get(key));
    }

    /** The value of {@code key}, or {@code fallback} when unset. */
    public String getString(String key, String fallback) {
        return values.getOrDefault(key, fallback);
    }

    /** The integer value of {@code key}, or {@code fallback} when unset. */
    public int getInt(String key, int fallback) {
        String raw = values.get(key);
        if (raw == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(raw.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("option '" + key + "' must be an integer, got '" + raw + "'", e);
        }
    }

    /** The long value of {@code key}, or {@code fallback} when unset. */
    public long getLong(String key, long fallback) {
        String raw = values.get(key);
        if (raw == null) {
            return fallback;
        }
        try {
            return Long.parseLong(raw.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("option '" + key + "' must be an integer, got '" + raw + "'", e);
        }
    }

    /** The double value of {@code key}, or {@code fallback} when unset. */
    public double getDouble(String key, double fallback) {
        String raw = values.get(key);
        if (raw == null) {
            return fallback;
        }
        try {
            return Double.parseDouble(raw.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("option '" + key + "' must be a number, got '" + raw + "'", e);
        }
    }

    /** The options as a map. */
    public Map<String, String> asMap() {
        return values;
    }

    @Override
    public String toString() {
        return values.toString();
    }
}
