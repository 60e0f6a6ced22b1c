package io.cleave.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

/**
 * Key/value buffers of every layer for a fixed number of rows, written in place slot by slot.
 *
 * <p>Per layer: keys and values {@code (R, Hkv, N, D)} with {@code N} slots. Slots are written for all rows at
 * once at a shared write pointer; which slots a row may attend to is tracked by the caller, so rows of different
 * lengths share the buffers. Keys are stored already rotated, so a slot's index carries no position meaning.
 * The buffers grow (doubling) when a write would pass the end.
 */
public final class KvCache implements AutoCloseable {

    private final NDManager manager;
    private final NDArray[] keys;
    private final NDArray[] values;
    private final int rows;
    private final int kvHeads;
    private final int headDim;
    private int capacity;

    KvCache(NDManager parent, ModelConfig config, int rows, int initialCapacity) {
        this.manager = parent.newSubManager();
        this.rows = rows;
        this.kvHeads = config.numKeyValueHeads();
        this.headDim = config.headDim();
        this.capacity = Math.max(1, initialCapacity);
        this.keys = new NDArray[config.numHiddenLayers()];
        this.values = new NDArray[config.numHiddenLayers()];
        for (int l = 0; l < keys.length; l++) {
            keys[l] = manager.zeros(new Shape(rows, kvHeads, capacity, headDim), DataType.FLOAT32);
            values[l] = manager.zeros(new Shape(rows, kvHeads, capacity, headDim), DataType.FLOAT32);
        }
    }

    /** Number of rows. */
    public int rows() {
        return rows;
    }

    /** Number of slots currently allocated. */
    public int capacity() {
        return capacity;
    }

    /** Grows every buffer so that slots {@code [0, needed)} exist. */
    void ensureCapacity(int needed) {
        if (needed <= capacity) {
            return;
        }
        int grown = Math.max(needed, capacity * 2);
        for (int l = 0; l < keys.length; l++) {
            keys[l] = grow(keys[l], grown);
            values[l] = grow(values[l], grown);
        }
        capacity = grown;
    }

    private NDArray grow(NDArray old, int slots) {
        NDArray bigger = manager.zeros(new Shape(rows, kvHeads, slots, headDim), DataType.FLOAT32);
        bigger.set(new NDIndex(":, :, :{}", capacity), old);
        old.close();
        return bigger;
    }

    /** Writes keys and values {@code (R, Hkv, S, D)} of one layer into slots {@code [slot, slot + S)}. */
    void write(int layer, NDArray k, NDArray v, int slot) {
        long s = k.getShape().get(2);
        keys[layer].set(new NDIndex(":, :, {}:{}", slot, slot + s), k);
        values[layer].set(new NDIndex(":, :, {}:{}", slot, slot + s), v);
    }

    /** A view of one layer's keys over slots {@code [0, end)}, {@code (R, Hkv, end, D)}, owned by {@code owner}. */
    NDArray keys(int layer, int end, NDManager owner) {
        return keys[layer].get(owner, new NDIndex(":, :, :{}", end));
    }

    /** A view of one layer's values over slots {@code [0, end)}, {@code (R, Hkv, end, D)}, owned by {@code owner}. */
    NDArray values(int layer, int end, NDManager owner) {
        return values[layer].get(owner, new NDIndex(":, :, :{}", end));
    }

    /** Copies every slot of row {@code from} into row {@code to}, in every layer. */
    void copyRow(int from, int to) {
        for (int l = 0; l < keys.length; l++) {
            try (NDArray k = keys[l].get(new NDIndex("{}", from)); NDArray v = values[l].get(new NDIndex("{}", from))) {
                keys[l].set(new NDIndex("{}", to), k);
                values[l].set(new NDIndex("{}", to), v);
            }
        }
    }

    @Override
    public void close() {
        manager.close();
    }
}
