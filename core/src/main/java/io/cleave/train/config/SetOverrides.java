package io.cleave.train.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Parses {@code --set key=value} overrides into canonical settings. */
final class SetOverrides {

    /** Origin of values given with {@code --set}. */
    static final String ORIGIN = "--set";

    private SetOverrides() {}

    /**
     * The settings of {@code assignments}, each {@code key=value} split at the first {@code =}; a later assignment
     * of a key wins.
     *
     * @throws ConfigException for an assignment without {@code =} or with an empty or unknown key
     */
    static Map<String, ConfigValue> parse(List<String> assignments) {
        Map<String, ConfigValue> settings = new LinkedHashMap<>();
        for (String assignment : assignments) {
            int eq = assignment.indexOf('=');
            if (eq <= 0 || assignment.substring(0, eq).isBlank()) {
                throw new ConfigException("--set '" + assignment + "' must have the form key=value, e.g. "
                        + TrainConfigKeys.OPTIM_LR + "=3e-4");
            }
            String key = TrainConfigKeys.canonical(assignment.substring(0, eq), ORIGIN);
            settings.put(key, new ConfigValue(assignment.substring(eq + 1), ORIGIN));
        }
        return settings;
    }

    /** Canonical settings for {@code overrides}, all with origin {@code origin}. */
    static Map<String, ConfigValue> canonical(Map<String, String> overrides, String origin) {
        Map<String, ConfigValue> settings = new LinkedHashMap<>();
        overrides.forEach((key, value) -> settings.put(TrainConfigKeys.canonical(key, origin),
                new ConfigValue(value, origin)));
        return settings;
    }
}
