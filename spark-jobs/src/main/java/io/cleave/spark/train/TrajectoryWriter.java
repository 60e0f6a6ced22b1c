package io.cleave.spark.train;

import io.cleave.train.run.RunStoppedException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;

/**
 * Appends each iteration's trajectories to the run's Parquet table on a background thread, so the write runs
 * while the driver updates the policy instead of before it (on 16 cores the advantage phase, this write included,
 * took 14-17% of a {@code small} model's iteration). One write is in flight at a time: the next {@link #submit}
 * waits for it, and so must anything that depends on the table being complete (the trainer waits before each
 * iteration's metrics row and checkpoint). A failed write stops the run at that wait with
 * {@link RunStoppedException}, naming the table and the cause.
 */
final class TrajectoryWriter implements AutoCloseable {

    private final JavaSparkContext jsc;
    private final String path;
    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "cleave-trajectory-writer");
        t.setDaemon(true);
        return t;
    });
    private Future<?> pending;

    /** @param path the Parquet table, partitioned by {@code iteration} */
    TrajectoryWriter(JavaSparkContext jsc, String path) {
        this.jsc = jsc;
        this.path = path;
    }

    /**
     * Waits for the write in flight, then starts appending {@code table} (which has an {@code iteration} column)
     * as iteration {@code iteration}; {@code cached}, the persisted dataset {@code table} reads, is unpersisted
     * when the write ends, whether it succeeded or not.
     */
    void submit(long iteration, Dataset<Row> table, Dataset<Row> cached) {
        try {
            await();
        } catch (RuntimeException e) {
            cached.unpersist();
            throw e;
        }
        pending = thread.submit(() -> {
            jsc.setJobDescription("iteration " + iteration + ": trajectories to Parquet");
            try {
                table.write().mode(SaveMode.Append).partitionBy("iteration").parquet(path);
            } finally {
                cached.unpersist();
            }
        });
    }

    /**
     * Waits for the write in flight, if any.
     *
     * @throws RunStoppedException if it failed, or if this thread was interrupted while waiting
     */
    void await() {
        if (pending == null) {
            return;
        }
        Future<?> write = pending;
        pending = null;
        try {
            write.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RunStoppedException("interrupted while writing trajectories to " + path, e);
        } catch (ExecutionException e) {
            throw RunStoppedException.cannotWrite("trajectories to", path, e.getCause());
        }
    }

    /** Waits for the write in flight (see {@link #await}), then stops the thread. */
    @Override
    public void close() {
        try {
            await();
        } finally {
            thread.shutdown();
        }
    }
}
