package io.cleave.train.metrics;

import com.sun.management.GarbageCollectorMXBean;
import com.sun.management.GcInfo;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What the training process holds at one moment, recorded in every metrics row so that growth over a long run shows:
 * heap in use after the most recent garbage collection, resident set size, open file descriptors, and what the
 * rollout back-end keeps alive (on Spark: broadcast variables with a block in the driver's block manager and RDDs
 * marked persistent; under {@code local[*]} the executors run in the driver's JVM, so the figures cover them too).
 *
 * @param jvmHeapMb heap used after the most recent collection, MiB (heap used now before the first collection)
 * @param rssMb {@code VmRSS} of {@code /proc/self/status}, MiB; NaN where {@code /proc} is not available
 * @param openFds entries of {@code /proc/self/fd}; -1 where {@code /proc} is not available
 * @param liveBroadcasts broadcast variables the back-end holds (0 without Spark)
 * @param persistedRdds RDDs the back-end holds as persistent (0 without Spark)
 */
public record ResourceUsage(double jvmHeapMb, double rssMb, long openFds, int liveBroadcasts, int persistedRdds) {

    private static final double MIB = 1024.0 * 1024.0;
    private static final Path STATUS = Path.of("/proc/self/status");
    private static final Path FDS = Path.of("/proc/self/fd");

    /** Samples this JVM, with the back-end's live broadcasts and persisted RDDs. */
    public static ResourceUsage sample(int liveBroadcasts, int persistedRdds) {
        return new ResourceUsage(heapAfterLastGcMb(), processRssMb(), processOpenFds(), liveBroadcasts,
                persistedRdds);
    }

    /**
     * Heap used after the most recent collection: the heap pools' usage after the last collection of the collector
     * that ran last, in MiB; the heap used now when no collection has run yet.
     */
    public static double heapAfterLastGcMb() {
        Set<String> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP).map(MemoryPoolMXBean::getName)
                .collect(Collectors.toSet());
        GcInfo latest = null;
        for (var bean : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (bean instanceof GarbageCollectorMXBean gc) {
                GcInfo info = gc.getLastGcInfo();
                if (info != null && (latest == null || info.getEndTime() > latest.getEndTime())) {
                    latest = info;
                }
            }
        }
        if (latest == null) {
            return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / MIB;
        }
        long used = 0;
        for (Map.Entry<String, MemoryUsage> pool : latest.getMemoryUsageAfterGc().entrySet()) {
            if (heapPools.contains(pool.getKey())) {
                used += pool.getValue().getUsed();
            }
        }
        return used / MIB;
    }

    /** This process's resident set size in MiB, NaN where {@code /proc/self/status} cannot be read. */
    public static double processRssMb() {
        try {
            return rssMbOf(Files.readAllLines(STATUS));
        } catch (IOException | UnsupportedOperationException e) {
            return Double.NaN;
        }
    }

    /** The {@code VmRSS} line of a {@code /proc/PID/status} text in MiB (NaN when the line is missing). */
    static double rssMbOf(List<String> statusLines) {
        for (String line : statusLines) {
            if (line.startsWith("VmRSS:")) {
                String[] parts = line.substring("VmRSS:".length()).trim().split("\\s+");
                if (parts.length != 2 || !parts[1].equals("kB")) {
                    throw new IllegalArgumentException("unexpected VmRSS line: '" + line + "'");
                }
                return Long.parseLong(parts[0]) / 1024.0;
            }
        }
        return Double.NaN;
    }

    /** Open file descriptors of this process, -1 where {@code /proc/self/fd} cannot be listed. */
    public static long processOpenFds() {
        try (Stream<Path> fds = Files.list(FDS)) {
            return fds.count();
        } catch (IOException | UnsupportedOperationException e) {
            return -1;
        }
    }
}
