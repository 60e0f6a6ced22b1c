package io.cleave.tests;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.sql.SparkSession;

/**
 * Injects a fault at a known point of the training loop: runs an action once, when the first Spark job whose
 * description (the trainer names every job, e.g. {@code "iteration 2: rollout (round 1)"}) starts with a prefix
 * starts. The action runs on Spark's listener thread; {@link #check()} rethrows what it threw.
 */
final class JobStartHook extends SparkListener {

    private final String prefix;
    private final Runnable action;
    private final AtomicBoolean fired = new AtomicBoolean();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();

    private JobStartHook(String prefix, Runnable action) {
        this.prefix = prefix;
        this.action = action;
    }

    /** Attaches a hook running {@code action} at the first job described {@code prefix...} of {@code spark}. */
    static JobStartHook attach(SparkSession spark, String prefix, Runnable action) {
        JobStartHook hook = new JobStartHook(prefix, action);
        spark.sparkContext().addSparkListener(hook);
        return hook;
    }

    @Override
    public void onJobStart(SparkListenerJobStart start) {
        String description = start.properties() == null ? null
                : start.properties().getProperty("spark.job.description");
        if (description != null && description.startsWith(prefix) && fired.compareAndSet(false, true)) {
            try {
                action.run();
            } catch (Throwable t) {
                failure.set(t);
            }
        }
    }

    /** Whether the action ran. */
    boolean fired() {
        return fired.get();
    }

    /** Rethrows the action's failure, if any. */
    void check() {
        if (failure.get() != null) {
            throw new IllegalStateException("the fault injection failed", failure.get());
        }
    }
}
