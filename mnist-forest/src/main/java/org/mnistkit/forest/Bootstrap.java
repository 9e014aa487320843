package org.mnistkit.forest;

import java.util.SplittableRandom;

/**
 * The in-bag sample of one tree, drawn from the tree's own seed so that it can be drawn again
 * later (for {@link RandomForestModel#inBagCounts(int)}) without storing it.
 */
final class Bootstrap {

  private Bootstrap() {}

  /**
   * @param n the number of training rows
   * @param sampleSize how many rows to draw, 1..n without replacement, at least 1 with
   * @param replace whether to draw with replacement (a bootstrap sample)
   * @param seed the tree's bootstrap seed
   * @return n counts: how many times each row was drawn (0 = out of bag)
   */
  static int[] inBagCounts(int n, int sampleSize, boolean replace, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    int[] counts = new int[n];
    if (replace) {
      for (int d = 0; d < sampleSize; d++) {
        counts[random.nextInt(n)]++;
      }
      return counts;
    }
    int[] pool = new int[n];
    for (int i = 0; i < n; i++) {
      pool[i] = i;
    }
    for (int d = 0; d < sampleSize; d++) {
      int j = d + random.nextInt(n - d);
      int t = pool[j];
      pool[j] = pool[d];
      pool[d] = t;
      counts[t] = 1;
    }
    return counts;
  }
}
