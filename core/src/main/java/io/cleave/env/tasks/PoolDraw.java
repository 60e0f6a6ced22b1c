package io.cleave.env.tasks;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/** Draws tasks from a finite, fixed pool: a seeded shuffle, then the first {@code count} (at most the pool). */
public final class PoolDraw {

    private PoolDraw() {}

    /** Up to {@code count} tasks of {@code pool}, in an order fixed by {@code seed}. */
    public static List<Task> draw(List<Task> pool, int count, long seed) {
        List<Task> shuffled = new ArrayList<>(pool);
        Collections.shuffle(shuffled, new Random(seed));
        return List.copyOf(shuffled.subList(0, Math.min(count, shuffled.size())));
    }
}
