package io.cleave.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * Additive attention masks: 0 where a query may attend to a key, {@link #BLOCKED} where it may not. A large finite
 * negative (not -inf) keeps fully masked padding rows finite, so they cannot poison gradients with NaN.
 */
final class AttentionMasks {

    /** The additive value of a blocked query/key pair. */
    static final float BLOCKED = -1e9f;

    private AttentionMasks() {}

    /**
     * Causal mask for right-padded sequences: query {@code i} of row {@code b} sees keys {@code j <= i} with
     * {@code j < lengths[b]}. Returns {@code (B, 1, T, T)}.
     */
    static NDArray causalPadded(NDManager manager, int[] lengths, int t) {
        float[] causal = new float[t * t];
        for (int i = 0; i < t; i++) {
            for (int j = i + 1; j < t; j++) {
                causal[i * t + j] = BLOCKED;
            }
        }
        float[] padding = new float[lengths.length * t];
        for (int b = 0; b < lengths.length; b++) {
            for (int j = lengths[b]; j < t; j++) {
                padding[b * t + j] = BLOCKED;
            }
        }
        NDArray c = manager.create(causal, new Shape(1, 1, t, t));
        NDArray p = manager.create(padding, new Shape(lengths.length, 1, 1, t));
        return c.add(p);
    }

    /**
     * Mask for a chunk of {@code S} queries written at slots {@code [slot0, slot0 + S)} of a cache: query {@code i}
     * of row {@code r} sees slot {@code j} when {@code valid[r][j]} and {@code j <= slot0 + i}. Returns
     * {@code (R, 1, S, slot0 + S)}.
     */
    static NDArray cached(NDManager manager, SlotMap slots, int slot0, int s) {
        int rows = slots.rows();
        int end = slot0 + s;
        float[] mask = new float[rows * s * end];
        for (int r = 0; r < rows; r++) {
            for (int i = 0; i < s; i++) {
                int base = (r * s + i) * end;
                int visible = slot0 + i;
                for (int j = 0; j < end; j++) {
                    if (j > visible || !slots.isValid(r, j)) {
                        mask[base + j] = BLOCKED;
                    }
                }
            }
        }
        return manager.create(mask, new Shape(rows, 1, s, end));
    }
}
