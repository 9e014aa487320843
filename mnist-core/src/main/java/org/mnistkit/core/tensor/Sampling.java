package org.mnistkit.core.tensor;

import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Seeded random sampling of rows, like {@code dplyr::sample_n(df, k)} or
 * {@code numpy.random.Generator.choice(n, k, replace=False)}. The same seed gives the same sample
 * on every JVM (the generator is {@link SplittableRandom}); the draws differ from R's and NumPy's.
 */
public final class Sampling {

  private Sampling() {}

  /**
   * Draws k distinct row indices out of n, in random order, by a partial Fisher-Yates shuffle.
   *
   * @param n the number of rows to choose from, at least 0
   * @param k how many to draw, 0..n
   * @param seed any value; equal seeds give equal samples
   * @return k distinct indices in 0..n-1
   * @throws IllegalArgumentException when k is outside 0..n
   */
  public static int[] sampleWithoutReplacement(int n, int k, long seed) {
    if (n < 0 || k < 0 || k > n) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "sample size must be in 0..%d (the number of rows), got %d", n, k));
    }
    int[] pool = new int[n];
    for (int i = 0; i < n; i++) {
      pool[i] = i;
    }
    SplittableRandom random = new SplittableRandom(seed);
    int[] out = new int[k];
    for (int i = 0; i < k; i++) {
      int j = i + random.nextInt(n - i);
      int t = pool[i];
      pool[i] = pool[j];
      pool[j] = t;
      out[i] = pool[i];
    }
    return out;
  }
}
