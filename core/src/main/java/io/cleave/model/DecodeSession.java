package io.cleave.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;

/**
 * Batched incremental decoding over a fixed set of rows with a {@link KvCache}.
 *
 * <p>{@link #append} feeds each row any number of tokens (prompt, sampled token, or tool result) in one forward
 * pass over all rows; {@link #sample} draws every row's next token from the logits after its last fed token;
 * {@link #fork} copies one row's whole state (cache slots, positions, pending logits) onto another, so a branch
 * continues from a macro-state without recomputing the prefix. Each call runs in its own sub-manager; only the
 * cache and the pending logits {@code (R, V)} live across calls. Autograd must be off in the calling thread.
 */
public final class DecodeSession implements AutoCloseable {

    private final TransformerLm model;
    private final int padId;
    private final NDManager manager;
    private final KvCache cache;
    private final SlotMap slots;
    private NDArray pending; // (R, V) logits after each row's last fed token
    private final boolean[] started;

    DecodeSession(TransformerLm model, NDManager parent, int rows, int initialCapacity, int padId) {
        this.model = model;
        this.padId = padId;
        this.manager = parent.newSubManager();
        this.cache = new KvCache(manager, model.config(), rows, initialCapacity);
        this.slots = new SlotMap(rows, initialCapacity);
        this.started = new boolean[rows];
    }

    /** Number of rows. */
    public int rows() {
        return slots.rows();
    }

    /** Tokens fed so far to {@code row} (its next rotary position). */
    public int length(int row) {
        return slots.nextPosition(row);
    }

    /**
     * Feeds {@code chunks[r]} to row {@code r} (an empty or null chunk leaves the row as it is) in one forward
     * pass, and keeps the logits after each fed row's last token for {@link #sample}.
     *
     * @throws IllegalArgumentException when a row would pass the model's maximum positions
     */
    public void append(int[][] chunks) {
        int rows = rows();
        int[] fed = new int[rows];
        int width = 0;
        int maxPositions = model.config().maxPositionEmbeddings();
        for (int r = 0; r < rows; r++) {
            fed[r] = chunks[r] == null ? 0 : chunks[r].length;
            if (slots.nextPosition(r) + fed[r] > maxPositions) {
                throw new IllegalArgumentException("row " + r + " would reach " + (slots.nextPosition(r) + fed[r])
                        + " tokens, past the model's max_position_embeddings " + maxPositions);
            }
            width = Math.max(width, fed[r]);
        }
        if (width == 0) {
            return;
        }
        long[] tokens = new long[rows * width];
        long[] positions = new long[rows * width];
        long[] lastIndex = new long[rows];
        for (int r = 0; r < rows; r++) {
            for (int i = 0; i < width; i++) {
                boolean real = i < fed[r];
                tokens[r * width + i] = real ? chunks[r][i] : padId;
                positions[r * width + i] = real ? slots.nextPosition(r) + i : 0;
            }
            lastIndex[r] = (long) r * width + Math.max(fed[r] - 1, 0);
        }
        int slot0 = slots.writePointer();
        cache.ensureCapacity(slot0 + width);
        slots.advance(fed, width);
        try (NDManager step = manager.newSubManager()) {
            NDArray tokenArray = step.create(tokens, new Shape(rows, width));
            NDArray positionArray = step.create(positions, new Shape(rows, width));
            NDArray mask = AttentionMasks.cached(step, slots, slot0, width);
            NDArray logits = model.forward(tokenArray, positionArray, mask, cache, slot0); // (R, S, V)
            NDArray last = logits.reshape(rows * (long) width, -1).get(step.create(lastIndex)); // (R, V)
            NDArray next = mergeWithPending(step, last, fed);
            next.attach(manager);
            if (pending != null) {
                pending.close();
            }
            pending = next;
        }
        for (int r = 0; r < rows; r++) {
            started[r] |= fed[r] > 0;
        }
    }

    private NDArray mergeWithPending(NDManager step, NDArray last, int[] fed) {
        boolean all = true;
        float[] keep = new float[fed.length];
        for (int r = 0; r < fed.length; r++) {
            keep[r] = fed[r] > 0 ? 1f : 0f;
            all &= fed[r] > 0;
        }
        if (all || pending == null) {
            return last.duplicate();
        }
        NDArray fedMask = step.create(keep, new Shape(fed.length, 1)); // (R, 1): 1 where the row was fed
        pending.tempAttach(step);
        return last.mul(fedMask).add(pending.mul(fedMask.neg().add(1f)));
    }

    /**
     * Draws the next token of every row from its pending logits; {@code uniforms[r]} in [0, 1) is row {@code r}'s
     * random draw. The tokens are not fed back: call {@link #append} with them.
     */
    public TokenDraw sample(SamplingConfig config, float[] uniforms) {
        if (pending == null) {
            throw new IllegalStateException("sample() before any append(): feed the prompts first");
        }
        try (NDManager step = manager.newSubManager()) {
            pending.tempAttach(step);
            return TokenSampler.draw(step, pending, config, uniforms);
        }
    }

    /** Makes row {@code to} continue exactly as row {@code from} would. */
    public void fork(int from, int to) {
        if (!started[from]) {
            throw new IllegalArgumentException("cannot fork row " + from + ": nothing was fed to it");
        }
        cache.copyRow(from, to);
        slots.copyRow(from, to);
        try (NDArray row = pending.get(new NDIndex("{}", from))) {
            pending.set(new NDIndex("{}", to), row);
        }
        started[to] = true;
    }

    /** Empties row {@code row} so that it can start a new sequence (its old cache slots are never attended again). */
    public void reset(int row) {
        slots.clearRow(row);
        started[row] = false;
    }

    @Override
    public void close() {
        manager.close();
    }
}
