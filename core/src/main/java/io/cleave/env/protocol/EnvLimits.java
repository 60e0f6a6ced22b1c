package io.cleave.env.protocol;

import io.cleave.env.util.Options;

/**
 * Limits the environment enforces on tool calls; breaking one yields an error result, never an exception.
 *
 * @param maxToolCalls tool calls allowed per trajectory, in [0, 10000]
 * @param maxResultChars characters of result content kept (longer content is cut and ends with
 *     {@link ToolEnvironment#TRUNCATION_MARKER}), in [20, 1000000]
 * @param toolTimeoutMs time a tool may run, in [1, 600000] ms
 * @param maxTrajectoryChars length a trajectory (text after the prompt) may reach with the result appended, in
 *     [1, 10000000]
 */
public record EnvLimits(int maxToolCalls, int maxResultChars, long toolTimeoutMs, int maxTrajectoryChars) {

    /** Checks the ranges. */
    public EnvLimits {
        check("maxToolCalls", maxToolCalls, 0, 10_000);
        check("maxResultChars", maxResultChars, 20, 1_000_000);
        check("toolTimeoutMs", toolTimeoutMs, 1, 600_000);
        check("maxTrajectoryChars", maxTrajectoryChars, 1, 10_000_000);
    }

    /** 6 calls, 200-character results, 2 s per call, 1024-character trajectories. */
    public static EnvLimits defaults() {
        return new EnvLimits(6, 200, 2_000, 1_024);
    }

    /** Reads the four keys (named like the fields) from {@code options}, defaults for unset keys. */
    public static EnvLimits fromOptions(Options options) {
        EnvLimits d = defaults();
        return new EnvLimits(options.getInt("maxToolCalls", d.maxToolCalls()),
                options.getInt("maxResultChars", d.maxResultChars()),
                options.getLong("toolTimeoutMs", d.toolTimeoutMs()),
                options.getInt("maxTrajectoryChars", d.maxTrajectoryChars()));
    }

    private static void check(String field, long value, long min, long max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException("EnvLimits." + field + " must be in [" + min + ", " + max + "], got "
                    + value);
        }
    }
}
