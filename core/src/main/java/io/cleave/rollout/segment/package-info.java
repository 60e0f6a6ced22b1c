/**
 * Macro-action segmentation: cutting one trajectory's generated tokens into contiguous macro-actions.
 *
 * <p>A {@link io.cleave.rollout.segment.Segmenter} maps a {@link io.cleave.rollout.segment.SegmentInput} (tokens,
 * policy mask, per-token entropy, per-token text) to sorted cut positions: the start index of every macro-action
 * after the first. Tool-result (environment) tokens never start a macro-action; they stay with the macro-action
 * that called the tool. {@link io.cleave.rollout.segment.Segmenters} is the registry: {@code token},
 * {@code sequence}, {@code marker}, {@code paragraph}, {@code entropy}.
 */
package io.cleave.rollout.segment;
