package io.cleave.train.config;

import io.cleave.optim.AdamWConfig;
import java.util.Objects;

/**
 * The optimizer: AdamW with linear warm-up and global-norm gradient clipping.
 *
 * <p>Learning rate at optimizer step {@code s} (1-based): {@code lr * min(1, s / warmupSteps)}, and {@code lr}
 * throughout when {@code warmupSteps} is 0.
 *
 * @param adamw peak learning rate, betas, epsilon, weight decay (keys {@code optim.lr}, {@code optim.beta1},
 *     {@code optim.beta2}, {@code optim.eps}, {@code optim.weight-decay}); ranges as in {@link AdamWConfig}
 * @param warmupSteps optimizer steps of linear warm-up (key {@code optim.warmup-steps}), &gt;= 0
 * @param gradClip largest global L2 norm of the gradients (key {@code optim.grad-clip}), finite and &gt; 0, or 0
 *     for no clipping
 * @param maxNonfiniteSteps optimizer steps in a row whose loss or gradient is NaN or infinite (each one skipped)
 *     that stop the run (key {@code optim.max-nonfinite-steps}), &gt;= 1
 */
public record OptimSettings(AdamWConfig adamw, int warmupSteps, double gradClip, int maxNonfiniteSteps) {

    /** {@link AdamWConfig#DEFAULT}, no warm-up, gradients clipped at norm 1, stop after 3 non-finite steps. */
    public static OptimSettings defaults() {
        return new OptimSettings(AdamWConfig.DEFAULT, 0, 1.0, 3);
    }

    /** Validates every field; messages name the key. */
    public OptimSettings {
        Objects.requireNonNull(adamw, "optim adamw");
        if (warmupSteps < 0) {
            throw new IllegalArgumentException("optim.warmup-steps must be >= 0, got " + warmupSteps);
        }
        if (!(gradClip >= 0) || Double.isInfinite(gradClip)) {
            throw new IllegalArgumentException("optim.grad-clip must be finite and > 0, or 0 for no clipping, got "
                    + gradClip);
        }
        if (maxNonfiniteSteps < 1) {
            throw new IllegalArgumentException("optim.max-nonfinite-steps must be >= 1, got " + maxNonfiniteSteps);
        }
    }

    /** The learning rate of optimizer step {@code step} (1-based), warm-up applied. */
    public double learningRate(long step) {
        if (step < 1) {
            throw new IllegalArgumentException("optimizer steps count from 1, got " + step);
        }
        double lr = adamw.learningRate();
        return warmupSteps == 0 ? lr : lr * Math.min(1.0, (double) step / warmupSteps);
    }

    /** Whether gradients are clipped ({@code gradClip > 0}). */
    public boolean clipsGradients() {
        return gradClip > 0;
    }
}
