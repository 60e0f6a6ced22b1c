package io.cleave.train;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Learning rate per optimizer step: a linear warmup to {@code peakLr}, then a decay of the given {@link Kind} to
 * {@code minLr = peakLr * minLrRatio}.
 *
 * <p>For the 0-based step {@code s}:
 * <ul>
 *   <li>warmup, {@code s < W}: {@code lr = peakLr * (s + 1) / W} (the first step already moves the weights);
 *   <li>after warmup, with progress {@code p = min(1, (s - W) / max(1, N - W))}:
 *       {@code constant}: {@code peakLr};
 *       {@code linear}: {@code peakLr - (peakLr - minLr) * p};
 *       {@code cosine}: {@code minLr + (peakLr - minLr) * (1 + cos(pi * p)) / 2}.
 * </ul>
 * Steps at or past {@code N} keep the final value.
 *
 * @param kind shape of the decay after warmup
 * @param peakLr largest learning rate, reached at the end of warmup
 * @param warmupSteps {@code W}, steps of linear warmup, in {@code [0, N]}
 * @param totalSteps {@code N}, steps the schedule spans
 * @param minLrRatio {@code minLr / peakLr} at the end of the decay, in {@code [0, 1]}
 */
public record LearningRateSchedule(Kind kind, double peakLr, long warmupSteps, long totalSteps, double minLrRatio) {

    /** Decay used by {@link #defaults}. */
    public static final Kind DEFAULT_KIND = Kind.COSINE;
    /** Fraction of the steps spent warming up in {@link #defaults}. */
    public static final double DEFAULT_WARMUP_FRACTION = 0.03;
    /** {@code minLr / peakLr} in {@link #defaults}. */
    public static final double DEFAULT_MIN_LR_RATIO = 0.1;

    /** Shapes of the decay after warmup. */
    public enum Kind {
        /** Stays at the peak. */
        CONSTANT,
        /** Falls linearly to the minimum. */
        LINEAR,
        /** Follows half a cosine down to the minimum. */
        COSINE;

        /** The name used in configs ({@code constant}, {@code linear}, {@code cosine}). */
        public String configName() {
            return name().toLowerCase(Locale.ROOT);
        }

        /**
         * The kind with this config name.
         *
         * @throws IllegalArgumentException listing the known names for an unknown one
         */
        public static Kind of(String name) {
            for (Kind k : values()) {
                if (k.configName().equals(name)) {
                    return k;
                }
            }
            throw new IllegalArgumentException("unknown schedule kind '" + name + "'; known kinds: " + names());
        }

        /** Every config name. */
        public static List<String> names() {
            return Arrays.stream(values()).map(Kind::configName).toList();
        }
    }

    /** Validates the fields; messages name the field and its allowed range. */
    public LearningRateSchedule {
        if (kind == null) {
            throw new IllegalArgumentException("schedule.kind must be one of " + Kind.names());
        }
        if (!(peakLr > 0) || Double.isInfinite(peakLr)) {
            throw new IllegalArgumentException("schedule.peak_lr must be a finite number > 0, got " + peakLr);
        }
        if (totalSteps < 1) {
            throw new IllegalArgumentException("schedule.total_steps must be >= 1, got " + totalSteps);
        }
        if (warmupSteps < 0 || warmupSteps > totalSteps) {
            throw new IllegalArgumentException("schedule.warmup_steps must be in [0, total_steps=" + totalSteps
                    + "], got " + warmupSteps);
        }
        if (!(minLrRatio >= 0 && minLrRatio <= 1)) {
            throw new IllegalArgumentException("schedule.min_lr_ratio must be in [0, 1], got " + minLrRatio);
        }
    }

    /** The default schedule: {@link #DEFAULT_KIND}, {@link #DEFAULT_WARMUP_FRACTION} of the steps warming up. */
    public static LearningRateSchedule defaults(double peakLr, long totalSteps) {
        return new LearningRateSchedule(DEFAULT_KIND, peakLr, Math.round(DEFAULT_WARMUP_FRACTION * totalSteps),
                totalSteps, DEFAULT_MIN_LR_RATIO);
    }

    /** A constant learning rate without warmup. */
    public static LearningRateSchedule constant(double lr, long totalSteps) {
        return new LearningRateSchedule(Kind.CONSTANT, lr, 0, totalSteps, 1.0);
    }

    /** The learning rate of 0-based optimizer step {@code step}. */
    public double at(long step) {
        if (step < 0) {
            throw new IllegalArgumentException("step must be >= 0, got " + step);
        }
        if (step < warmupSteps) {
            return peakLr * (step + 1) / warmupSteps;
        }
        double progress = Math.min(1.0, (double) (step - warmupSteps) / Math.max(1, totalSteps - warmupSteps));
        double minLr = peakLr * minLrRatio;
        return switch (kind) {
            case CONSTANT -> peakLr;
            case LINEAR -> peakLr - (peakLr - minLr) * progress;
            case COSINE -> minLr + (peakLr - minLr) * (1 + Math.cos(Math.PI * progress)) / 2;
        };
    }

    /** A copy with another peak learning rate. */
    public LearningRateSchedule withPeakLr(double lr) {
        return new LearningRateSchedule(kind, lr, warmupSteps, totalSteps, minLrRatio);
    }

    /** A copy with the decay {@code kind}, the rest unchanged. */
    public LearningRateSchedule withKind(Kind kind) {
        return new LearningRateSchedule(kind, peakLr, warmupSteps, totalSteps, minLrRatio);
    }

    /** A copy spanning {@code steps} steps; the warmup is cut to fit when it was longer. */
    public LearningRateSchedule withTotalSteps(long steps) {
        return new LearningRateSchedule(kind, peakLr, Math.min(warmupSteps, steps), steps, minLrRatio);
    }
}
