package org.mnistkit.eda.umap;

/**
 * Deterministic seeds from several numbers, so that every random choice (a tree, a point, a
 * round, a query) gets its own generator regardless of which thread makes it.
 */
final class Seeds {

  private Seeds() {}

  /** A 64-bit hash of four values (SplitMix64 finaliser over a running combination). */
  static long mix(long a, long b, long c, long e) {
    long h = a * 0x9E3779B97F4A7C15L;
    h = finalise(h ^ b);
    h = finalise(h ^ c);
    return finalise(h ^ e);
  }

  private static long finalise(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
