package org.peelharvest.job;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.Map;
import org.peelharvest.cli.Cli;

/**
 * The command line as the benchmark runs it (issue 11): the same {@link Cli#run}, then the peak
 * heap in use, summed over the heap's pools, on a line of its own for the benchmark to read.
 * With {@code -Dpeel.bench.liveEvery=<seconds>} it also takes the live heap that often while the
 * run goes on: a full collection ({@code System.gc()}), then the heap in use, which is then what
 * is reachable and nothing else; every sample and the largest are printed at the end. A sample whose collection did
 * not happen (the JVM defers it while native code holds the GC locker, as PDFBox's inflating of a
 * stream does) is left out: its "live" heap held every piece of garbage since the last one, and
 * such samples made the whole archive's live heap 2.4 times a quarter's in one run and 1.2 in
 * another. The full collections cost time, so the benchmark asks for them only in runs it does
 * not time.
 */
public final class MeasuredRun {

    public static final String PEAK_HEAP = "peak heap bytes: ";
    public static final String LIVE_HEAP = "live heap bytes, largest: ";
    public static final String LIVE_HEAP_SAMPLES = "live heap bytes, every sample: ";

    private MeasuredRun() {
    }

    public static void main(String[] args) {
        long every = Long.getLong("peel.bench.liveEvery", 0);
        long[] live = {0};
        // A sample every few seconds of a run of minutes: a few hundred at most.
        java.util.List<Long> samples = new java.util.ArrayList<>();
        if (every > 0) {
            Thread sampler = new Thread(() -> {
                try {
                    while (true) {
                        Thread.sleep(every * 1000);
                        long before = fullCollections();
                        System.gc();
                        long used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
                        if (fullCollections() > before) {
                            synchronized (live) {
                                live[0] = Math.max(live[0], used);
                                samples.add(used);
                            }
                        }
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "live-heap-sampler");
            sampler.setDaemon(true);
            sampler.start();
        }
        int code = Cli.run(args, Map.of(), System.out, System.err);
        if (every > 0) {
            synchronized (live) {
                System.out.println(LIVE_HEAP + live[0]);
                System.out.println(LIVE_HEAP_SAMPLES + samples.stream().map(String::valueOf)
                        .collect(java.util.stream.Collectors.joining(" ")));
            }
        }
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        System.out.println(PEAK_HEAP + peak);
        System.exit(code);
    }

    /** How many whole-heap collections the JVM has made (G1's and the other collectors' old-generation ones). */
    private static long fullCollections() {
        long count = 0;
        for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
            String name = collector.getName();
            if (name.contains("Old") || name.contains("MarkSweep") || name.equals("G1 Full")) {
                count += collector.getCollectionCount();
            }
        }
        return count;
    }
}
