package io.cleave.train.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResourceUsageTest {

    @TempDir
    Path tmp;

    @Test
    void readsResidentSetSizeFromStatusText() {
        assertEquals(200.0, ResourceUsage.rssMbOf(List.of("Name:\tjava", "VmPeak:\t  999999 kB",
                "VmRSS:\t  204800 kB", "VmData:\t 1000 kB")), 0.0);
        assertEquals(0.5, ResourceUsage.rssMbOf(List.of("VmRSS: 512 kB")), 0.0);
        assertTrue(Double.isNaN(ResourceUsage.rssMbOf(List.of("Name:\tjava"))));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ResourceUsage.rssMbOf(List.of("VmRSS:\t 12 MB")));
        assertTrue(e.getMessage().contains("VmRSS:\t 12 MB"), e.getMessage());
    }

    @Test
    void residentSetSizeOfThisProcessIsAtLeastItsLiveHeapAndBelowItsAddressSpace() {
        System.gc();
        double rss = ResourceUsage.processRssMb();
        assertTrue(rss > ResourceUsage.heapAfterLastGcMb(), "rss " + rss);
        assertTrue(rss < 64 * 1024, "rss " + rss);
    }

    /** Threads left by other tests may open or close a file meanwhile, so a count gets three tries. */
    @Test
    void countsEachOpenFileDescriptor() throws IOException {
        List<String> counts = new ArrayList<>();
        for (int attempt = 0; attempt < 3; attempt++) {
            long before = ResourceUsage.processOpenFds();
            List<FileChannel> open = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                open.add(FileChannel.open(Files.createFile(tmp.resolve(attempt + "-" + i))));
            }
            long during = ResourceUsage.processOpenFds();
            for (FileChannel channel : open) {
                channel.close();
            }
            long after = ResourceUsage.processOpenFds();
            counts.add(before + " -> " + during + " -> " + after);
            if (during - before == 8 && after == before) {
                return;
            }
        }
        throw new AssertionError("eight open files never counted as eight descriptors: " + counts);
    }

    /**
     * Other tests in this JVM leave work behind that may free or allocate memory between two collections, so
     * one measurement can be off by tens of MiB; a working figure lands in range in at least one of five tries, a
     * broken one (heap now, a non-heap pool, a stale collection) in none.
     */
    @Test
    void heapAfterGcGrowsByALiveArray() {
        List<Double> growths = new ArrayList<>();
        for (int attempt = 0; attempt < 5; attempt++) {
            System.gc();
            double before = ResourceUsage.heapAfterLastGcMb();
            byte[] live = new byte[64 << 20];
            System.gc();
            double after = ResourceUsage.heapAfterLastGcMb();
            assertEquals(64 << 20, live.length);
            growths.add(after - before);
            if (after - before > 60 && after - before < 68) {
                return;
            }
        }
        throw new AssertionError("a live 64 MiB array never showed as 60-68 MiB of growth: " + growths);
    }
}
