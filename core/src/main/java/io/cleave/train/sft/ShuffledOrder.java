package io.cleave.train.sft;

import io.cleave.rollout.branch.SeedDerivation;
import io.cleave.train.checkpoint.DataCursor;
import java.util.SplittableRandom;

/**
 * Reproducible minibatches over {@code size} items: each epoch visits every item once in an order shuffled by a
 * Fisher-Yates pass driven by {@code SplittableRandom(SeedDerivation.seed(seed, epoch, 0, 0))}. The order of an
 * epoch depends only on (seed, epoch), so a {@link DataCursor} is all a resumed run needs. A batch that runs past
 * the end of an epoch continues with the next epoch's order; a batch may hold an item twice when
 * {@code batchSize > size}.
 */
public final class ShuffledOrder {

    private final int size;
    private final long seed;
    private long cachedEpoch = -1;
    private int[] cachedOrder;

    /** The order of {@code size >= 1} items under {@code seed}. */
    public ShuffledOrder(int size, long seed) {
        if (size < 1) {
            throw new IllegalArgumentException("the data set must hold at least one item, got " + size);
        }
        this.size = size;
        this.seed = seed;
    }

    /** A batch of item indices and the cursor after it. */
    public record Batch(int[] indices, DataCursor next) {}

    /** The next {@code batchSize} item indices from {@code cursor}. */
    public Batch next(DataCursor cursor, int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be >= 1, got " + batchSize);
        }
        if (cursor.offset() > size) {
            throw new IllegalArgumentException("data cursor offset " + cursor.offset() + " lies past the "
                    + size + " items of an epoch");
        }
        int[] indices = new int[batchSize];
        long epoch = cursor.epoch();
        int offset = cursor.offset();
        for (int i = 0; i < batchSize; i++) {
            if (offset == size) {
                epoch++;
                offset = 0;
            }
            indices[i] = order(epoch)[offset++];
        }
        return new Batch(indices, new DataCursor(epoch, offset));
    }

    private int[] order(long epoch) {
        if (epoch != cachedEpoch) {
            int[] order = new int[size];
            for (int i = 0; i < size; i++) {
                order[i] = i;
            }
            SplittableRandom random = new SplittableRandom(SeedDerivation.seed(seed, epoch, 0, 0));
            for (int i = size - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int t = order[i];
                order[i] = order[j];
                order[j] = t;
            }
            cachedOrder = order;
            cachedEpoch = epoch;
        }
        return cachedOrder;
    }
}
