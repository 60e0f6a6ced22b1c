package io.cleave.train.config;

import java.util.Objects;

/**
 * How the policy is updated.
 *
 * @param mode where the gradient is computed (key {@code update.mode})
 */
public record UpdateSettings(UpdateMode mode) {

    /** Updates on the driver. */
    public static UpdateSettings defaults() {
        return new UpdateSettings(UpdateMode.DRIVER);
    }

    /** Requires a mode. */
    public UpdateSettings {
        Objects.requireNonNull(mode, "update.mode");
    }
}
