package io.cleave.train.checkpoint;

import io.cleave.train.sft.ShuffledOrder;

/**
 * Position in a {@link ShuffledOrder}: the epoch being read and how many of its items were already taken. Saved
 * in checkpoints so a resumed run reads exactly the items an uninterrupted run would.
 *
 * @param epoch 0-based pass over the data
 * @param offset items of this epoch's order already taken, {@code >= 0}
 */
public record DataCursor(long epoch, int offset) {

    /** The start of the first epoch. */
    public static final DataCursor START = new DataCursor(0, 0);

    /** Validates the fields; messages name the field. */
    public DataCursor {
        if (epoch < 0) {
            throw new IllegalArgumentException("data_cursor.epoch must be >= 0, got " + epoch);
        }
        if (offset < 0) {
            throw new IllegalArgumentException("data_cursor.offset must be >= 0, got " + offset);
        }
    }
}
