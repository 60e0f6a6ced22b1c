package io.cleave.train.config;

import java.util.Arrays;
import java.util.List;

/**
 * Where the policy gradient of an iteration is computed (key {@code update.mode}).
 *
 * <ul>
 *   <li>{@code driver}: the driver collects the scored rows and steps the optimizer on its own device;</li>
 *   <li>{@code data-parallel}: executors compute gradients on their rows, the sums come back in partition order
 *       and the driver steps the optimizer.</li>
 * </ul>
 */
public enum UpdateMode {
    /** Rows collected on the driver, which computes the gradient. */
    DRIVER("driver"),
    /** Gradients computed on executors and summed on the driver. */
    DATA_PARALLEL("data-parallel");

    private final String key;

    UpdateMode(String key) {
        this.key = key;
    }

    /** The name used in configs. */
    public String key() {
        return key;
    }

    /** The names used in configs, in declaration order. */
    public static List<String> keys() {
        return Arrays.stream(values()).map(UpdateMode::key).toList();
    }

    /**
     * The mode called {@code key}.
     *
     * @throws IllegalArgumentException for an unknown name (the message lists the known ones)
     */
    public static UpdateMode of(String key) {
        return Arrays.stream(values()).filter(m -> m.key.equals(key)).findFirst().orElseThrow(
                () -> new IllegalArgumentException("update.mode must be one of " + keys() + ", got '" + key + "'"));
    }
}
