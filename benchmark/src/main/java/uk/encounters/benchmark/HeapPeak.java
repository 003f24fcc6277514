package uk.encounters.benchmark;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;

/**
 * The most heap the JVM held while an instance was measured: the heap pools' peaks, summed
 * (each pool peaks at its own moment, so the sum may overstate the true peak a little). The
 * reference solver's native memory is not on the heap and not counted.
 */
final class HeapPeak {

    private HeapPeak() {}

    /** Collects what earlier instances left, then starts the peaks again from here. */
    static void reset() {
        System.gc();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.isValid()) {
                pool.resetPeakUsage();
            }
        }
    }

    static long bytes() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.isValid()) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak;
    }

    /** The heap limit (-Xmx). */
    static long maxBytes() {
        return Runtime.getRuntime().maxMemory();
    }
}
