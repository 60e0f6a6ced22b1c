package io.cleave.tests;

import io.cleave.spark.train.SparkResources;
import io.cleave.train.metrics.ResourceUsage;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.SparkContext;

/**
 * The training job's progress stream that samples the JVM after every iteration: when the driver prints its
 * {@code iter N/M} line, it forces a full garbage collection, gives Spark's context cleaner a moment to drop what
 * the collection freed, and records heap used, resident set size, open file descriptors, the ids of the broadcasts
 * with a block in the block manager, and the persisted RDDs. It runs on the driver thread between iterations, so
 * nothing of the job runs while it samples.
 */
final class IterationSampler extends OutputStream {

    /**
     * One sample.
     *
     * @param iteration the iteration just completed
     * @param heapMb heap used after a full collection, MiB
     * @param heapCommittedMb heap the JVM has committed (part of the resident set once touched), MiB
     * @param rssMb resident set size, MiB
     * @param openFds open file descriptors
     * @param broadcastIds ids of the broadcasts with a block in this JVM's block manager
     * @param persistedRdds RDDs the context holds as persistent
     * @param elapsedSeconds seconds since the sampler was created
     */
    record Sample(long iteration, double heapMb, double heapCommittedMb, double rssMb, long openFds,
            Set<Long> broadcastIds, int persistedRdds, double elapsedSeconds) {}

    private static final Pattern ITERATION = Pattern.compile("^iter (\\d+)/\\d+ ");
    private static final long CLEANER_WAIT_MS = 300;
    private static final double MIB = 1024.0 * 1024.0;

    private final ByteArrayOutputStream line = new ByteArrayOutputStream();
    private final List<Sample> samples = new ArrayList<>();
    private final long started = System.nanoTime();

    @Override
    public void write(int b) {
        if (b != '\n') {
            line.write(b);
            return;
        }
        String text = line.toString(StandardCharsets.UTF_8);
        line.reset();
        System.out.println(text);
        Matcher m = ITERATION.matcher(text);
        if (m.find()) {
            samples.add(sample(Long.parseLong(m.group(1))));
        }
    }

    /** The samples so far, in iteration order. */
    List<Sample> samples() {
        return List.copyOf(samples);
    }

    private Sample sample(long iteration) {
        System.gc();
        try {
            Thread.sleep(CLEANER_WAIT_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        System.gc();
        MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        return new Sample(iteration, heap.getUsed() / MIB, heap.getCommitted() / MIB, ResourceUsage.processRssMb(),
                ResourceUsage.processOpenFds(), SparkResources.liveBroadcastIds(), SparkContext.getOrCreate().getPersistentRDDs().size(),
                (System.nanoTime() - started) / 1e9);
    }
}
