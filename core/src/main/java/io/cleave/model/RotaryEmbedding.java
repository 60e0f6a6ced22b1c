package io.cleave.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.ndarray.types.SparseFormat;

/**
 * Rotary position embedding in Hugging Face's "rotate_half" convention:
 * {@code x' = x * cos(p * f) + rotate_half(x) * sin(p * f)}, with frequencies
 * {@code f_i = theta^(-2i/D)} for {@code i < D/2} repeated over both halves and
 * {@code rotate_half(x) = concat(-x[D/2:], x[:D/2])}.
 *
 * <p>{@code rotate_half} is applied as a product with a fixed signed permutation matrix {@code R (D, D)}, one
 * matmul instead of four slicing ops. Tables {@code cos, sin (P, D)} are built once in double precision.
 */
final class RotaryEmbedding implements AutoCloseable {

    private final NDArray cosTable; // (P, D)
    private final NDArray sinTable; // (P, D)
    private final NDArray rotateHalf; // (D, D)

    RotaryEmbedding(NDManager manager, int headDim, int maxPositions, double theta) {
        int half = headDim / 2;
        float[] cos = new float[maxPositions * headDim];
        float[] sin = new float[maxPositions * headDim];
        for (int p = 0; p < maxPositions; p++) {
            for (int i = 0; i < half; i++) {
                double angle = p * Math.pow(theta, -2.0 * i / headDim);
                float c = (float) Math.cos(angle);
                float s = (float) Math.sin(angle);
                cos[p * headDim + i] = c;
                cos[p * headDim + i + half] = c;
                sin[p * headDim + i] = s;
                sin[p * headDim + i + half] = s;
            }
        }
        float[] rotate = new float[headDim * headDim];
        for (int i = 0; i < half; i++) {
            rotate[(i + half) * headDim + i] = -1f;
            rotate[i * headDim + i + half] = 1f;
        }
        this.cosTable = manager.create(cos, new Shape(maxPositions, headDim));
        this.sinTable = manager.create(sin, new Shape(maxPositions, headDim));
        this.rotateHalf = manager.create(rotate, new Shape(headDim, headDim));
    }

    /** Position-dependent factors for one forward pass, shared by every layer. */
    Angles angles(NDArray positions) { // positions (B, S) int64
        NDArray cos = positions.getNDArrayInternal().embedding(positions, cosTable, SparseFormat.DENSE)
                .singletonOrThrow().expandDims(1); // (B, 1, S, D)
        NDArray sin = positions.getNDArrayInternal().embedding(positions, sinTable, SparseFormat.DENSE)
                .singletonOrThrow().expandDims(1); // (B, 1, S, D)
        return new Angles(cos, sin);
    }

    /** Rotates queries or keys {@code (B, heads, S, D)}. */
    NDArray rotate(NDArray x, Angles angles) {
        return x.mul(angles.cos).add(x.matMul(rotateHalf).mul(angles.sin));
    }

    @Override
    public void close() {
        cosTable.close();
        sinTable.close();
        rotateHalf.close();
    }

    /** Cosines and sines for the positions of one batch, each {@code (B, 1, S, D)}. */
    record Angles(NDArray cos, NDArray sin) {}
}
