package org.peelharvest.job;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.Map;
import org.peelharvest.cli.Cli;

/**
 * The command line as the benchmark runs it (issue 11): the same {@link Cli#run}, then the peak
 * heap in use, summed over the heap's pools, on a line of its own for the benchmark to read.
 */
public final class MeasuredRun {

    public static final String PEAK_HEAP = "peak heap bytes: ";

    private MeasuredRun() {
    }

    public static void main(String[] args) {
        int code = Cli.run(args, Map.of(), System.out, System.err);
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        System.out.println(PEAK_HEAP + peak);
        System.exit(code);
    }
}
