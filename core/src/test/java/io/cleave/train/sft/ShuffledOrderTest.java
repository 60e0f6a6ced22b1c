package io.cleave.train.sft;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.cleave.train.checkpoint.DataCursor;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Epoch orders are seeded permutations and batches read them back to back across epochs. */
class ShuffledOrderTest {

    @Test
    void everyEpochIsAPermutationThatDependsOnlyOnSeedAndEpoch() {
        ShuffledOrder order = new ShuffledOrder(20, 7);
        int[] first = epoch(order, 20, 0);
        int[] sorted = first.clone();
        Arrays.sort(sorted);
        int[] identity = new int[20];
        Arrays.setAll(identity, i -> i);
        assertArrayEquals(identity, sorted);
        assertFalse(Arrays.equals(first, epoch(order, 20, 1)), "epochs are shuffled afresh");
        assertArrayEquals(first, epoch(new ShuffledOrder(20, 7), 20, 0), "same seed, same order");
        assertFalse(Arrays.equals(first, epoch(new ShuffledOrder(20, 8), 20, 0)), "another seed, another order");
    }

    @Test
    void batchesReadTheEpochOrdersBackToBack() {
        ShuffledOrder order = new ShuffledOrder(5, 3);
        int[] expected = new int[15];
        for (int epoch = 0; epoch < 3; epoch++) {
            System.arraycopy(epoch(new ShuffledOrder(5, 3), 5, epoch), 0, expected, epoch * 5, 5);
        }
        DataCursor cursor = DataCursor.START;
        int[] read = new int[15];
        for (int b = 0; b < 5; b++) {
            ShuffledOrder.Batch batch = order.next(cursor, 3);
            System.arraycopy(batch.indices(), 0, read, b * 3, 3);
            cursor = batch.next();
        }
        assertArrayEquals(expected, read);
        assertEquals(new DataCursor(2, 5), cursor);
        ShuffledOrder.Batch resumed = new ShuffledOrder(5, 3).next(new DataCursor(1, 4), 3);
        assertArrayEquals(new int[] {expected[9], expected[10], expected[11]}, resumed.indices());
        assertEquals(new DataCursor(2, 2), resumed.next());
    }

    @Test
    void badArgumentsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> new ShuffledOrder(0, 1));
        assertThrows(IllegalArgumentException.class, () -> new ShuffledOrder(3, 1).next(DataCursor.START, 0));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new ShuffledOrder(3, 1).next(new DataCursor(0, 4), 1));
        assertEquals("data cursor offset 4 lies past the 3 items of an epoch", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new DataCursor(-1, 0));
    }

    /** The visiting order of {@code epoch} of {@code size} items, read as one batch from the epoch's start. */
    private static int[] epoch(ShuffledOrder order, int size, long epoch) {
        ShuffledOrder.Batch batch = order.next(new DataCursor(epoch, 0), size);
        assertEquals(new DataCursor(epoch, size), batch.next());
        return batch.indices();
    }
}
