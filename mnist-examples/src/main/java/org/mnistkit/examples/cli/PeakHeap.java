package org.mnistkit.examples.cli;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;

/**
 * The JVM's peak heap use so far, for the {@code peak_heap_mib} of the commands' --json: the sum,
 * over the heap's memory pools (eden, survivor, old generation), of each pool's peak usage since
 * the JVM started. The pools peak at different moments, so the sum is an upper bound on the heap
 * in use at any one time; it counts garbage not yet collected, as a JVM's footprint does.
 */
final class PeakHeap {

  private static final double MIB = 1024.0 * 1024.0;

  private PeakHeap() {}

  /** @return the sum of the heap pools' peak usage in MiB (2^20 bytes), at least 0 */
  static double mib() {
    long bytes = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP && pool.isValid() && pool.getPeakUsage() != null) {
        bytes += pool.getPeakUsage().getUsed();
      }
    }
    return bytes / MIB;
  }
}
