package io.cleave.train.sft;

import io.cleave.optim.AdamWConfig;
import io.cleave.train.LearningRateSchedule;

/**
 * Settings of {@link SftTrainer}. The schedule spans exactly {@code steps} steps and peaks at the optimizer's
 * learning rate; {@link #withSteps}, {@link #withLearningRate} and {@link #withSchedule} keep the three in step.
 *
 * @param steps optimizer steps of the whole run
 * @param batchSize examples per step
 * @param maxSequenceLength longest example accepted; longer ones are rejected (not truncated, which would cut off
 *     the answer a demonstration exists to teach) with an error naming the example
 * @param optimizer AdamW hyper-parameters; its learning rate is the schedule's peak
 * @param schedule learning rate per step
 * @param gradClip global L2 norm the gradients are clipped to before each step
 * @param seed seed of the data order
 * @param checkpointEvery write a checkpoint every this many steps; 0 writes only the final one
 * @param logEvery log progress every this many steps
 */
public record SftConfig(int steps, int batchSize, int maxSequenceLength, AdamWConfig optimizer,
        LearningRateSchedule schedule, double gradClip, long seed, int checkpointEvery, int logEvery) {

    /** Default {@code steps}. */
    public static final int DEFAULT_STEPS = 1000;
    /** Default {@code batch_size}. */
    public static final int DEFAULT_BATCH_SIZE = 8;
    /** Default {@code max_sequence_length}. */
    public static final int DEFAULT_MAX_SEQUENCE_LENGTH = 512;
    /** Default {@code grad_clip}. */
    public static final double DEFAULT_GRAD_CLIP = 1.0;
    /** Default {@code seed}. */
    public static final long DEFAULT_SEED = 0;
    /** Default {@code checkpoint_every} (only the final checkpoint). */
    public static final int DEFAULT_CHECKPOINT_EVERY = 0;
    /** Default {@code log_every}. */
    public static final int DEFAULT_LOG_EVERY = 10;

    /** Validates every field; messages name the field and its allowed range. */
    public SftConfig {
        if (steps < 1) {
            throw new IllegalArgumentException("steps must be >= 1, got " + steps);
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch_size must be >= 1, got " + batchSize);
        }
        if (maxSequenceLength < 2) {
            throw new IllegalArgumentException("max_sequence_length must be >= 2, got " + maxSequenceLength);
        }
        if (optimizer == null) {
            throw new IllegalArgumentException("optimizer must be set");
        }
        if (schedule == null) {
            throw new IllegalArgumentException("schedule must be set");
        }
        if (schedule.totalSteps() != steps) {
            throw new IllegalArgumentException("schedule.total_steps (" + schedule.totalSteps()
                    + ") must equal steps (" + steps + ")");
        }
        if (schedule.peakLr() != optimizer.learningRate()) {
            throw new IllegalArgumentException("schedule.peak_lr (" + schedule.peakLr()
                    + ") must equal optimizer.learning_rate (" + optimizer.learningRate() + ")");
        }
        if (!(gradClip > 0) || Double.isInfinite(gradClip)) {
            throw new IllegalArgumentException("grad_clip must be a finite number > 0, got " + gradClip);
        }
        if (checkpointEvery < 0) {
            throw new IllegalArgumentException("checkpoint_every must be >= 0 (0 = only the final step), got "
                    + checkpointEvery);
        }
        if (logEvery < 1) {
            throw new IllegalArgumentException("log_every must be >= 1, got " + logEvery);
        }
    }

    /** The defaults: {@link AdamWConfig#DEFAULT} and {@link LearningRateSchedule#defaults} over the default steps. */
    public static SftConfig defaults() {
        return new SftConfig(DEFAULT_STEPS, DEFAULT_BATCH_SIZE, DEFAULT_MAX_SEQUENCE_LENGTH, AdamWConfig.DEFAULT,
                LearningRateSchedule.defaults(AdamWConfig.DEFAULT.learningRate(), DEFAULT_STEPS), DEFAULT_GRAD_CLIP,
                DEFAULT_SEED, DEFAULT_CHECKPOINT_EVERY, DEFAULT_LOG_EVERY);
    }

    /** A copy running {@code n} steps; the schedule is stretched or cut to match. */
    public SftConfig withSteps(int n) {
        return new SftConfig(n, batchSize, maxSequenceLength, optimizer, schedule.withTotalSteps(n), gradClip, seed,
                checkpointEvery, logEvery);
    }

    /** A copy with peak learning rate {@code lr} (optimizer and schedule). */
    public SftConfig withLearningRate(double lr) {
        return new SftConfig(steps, batchSize, maxSequenceLength, optimizer.withLearningRate(lr),
                schedule.withPeakLr(lr), gradClip, seed, checkpointEvery, logEvery);
    }

    /** A copy with this schedule; {@code steps} and the optimizer's learning rate follow it. */
    public SftConfig withSchedule(LearningRateSchedule s) {
        return new SftConfig(Math.toIntExact(s.totalSteps()), batchSize, maxSequenceLength,
                optimizer.withLearningRate(s.peakLr()), s, gradClip, seed, checkpointEvery, logEvery);
    }

    /** A copy with {@code n} examples per step. */
    public SftConfig withBatchSize(int n) {
        return new SftConfig(steps, n, maxSequenceLength, optimizer, schedule, gradClip, seed, checkpointEvery,
                logEvery);
    }

    /** A copy with another data-order seed. */
    public SftConfig withSeed(long s) {
        return new SftConfig(steps, batchSize, maxSequenceLength, optimizer, schedule, gradClip, s, checkpointEvery,
                logEvery);
    }

    /** A copy writing a checkpoint every {@code k} steps (0: only the final one). */
    public SftConfig withCheckpointEvery(int k) {
        return new SftConfig(steps, batchSize, maxSequenceLength, optimizer, schedule, gradClip, seed, k, logEvery);
    }

    /** A copy logging every {@code k} steps. */
    public SftConfig withLogEvery(int k) {
        return new SftConfig(steps, batchSize, maxSequenceLength, optimizer, schedule, gradClip, seed,
                checkpointEvery, k);
    }
}
