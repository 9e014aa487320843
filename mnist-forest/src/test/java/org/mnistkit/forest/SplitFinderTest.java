package org.mnistkit.forest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.mnistkit.core.tensor.FloatMatrix;

class SplitFinderTest {

  /** Histogram vs sorted scan, feature-major vs row-major gathering: the same best split. */
  @Test
  void everyScanStrategyFindsTheSameSplit() {
    SplittableRandom r = new SplittableRandom(11);
    int n = 400;
    int p = 6;
    int k = 3;
    float[] data = new float[n * p];
    int[] y = new int[n];
    for (int i = 0; i < n; i++) {
      y[i] = r.nextInt(k);
      for (int f = 0; f < p; f++) {
        data[i * p + f] = f == 5 ? r.nextInt(3) : (float) Math.floor(r.nextDouble() * 40 + y[i] * f);
      }
    }
    FeatureBins bins = FeatureBins.of(FloatMatrix.wrap(n, p, data), 1);
    int[] features = {0, 2, 3, 5};
    for (int trial = 0; trial < 50; trial++) {
      int m = 2 + r.nextInt(trial < 10 ? 3 : trial < 25 ? 60 : n - 2);
      int[] rows = new int[n];
      int[] cls = new int[n];
      int[] wts = new int[n];
      long[] parent = new long[k];
      long sum2 = 0;
      long total = 0;
      for (int i = 0; i < m; i++) {
        rows[i] = r.nextInt(n);
        cls[i] = y[rows[i]];
        wts[i] = 1 + r.nextInt(3);
        parent[cls[i]] += wts[i];
        total += wts[i];
      }
      for (long c : parent) {
        sum2 += c * c;
      }
      String reference = null;
      for (int sortLimit : new int[] {0, Integer.MAX_VALUE}) {
        for (int density : new int[] {0, Integer.MAX_VALUE}) {
          SplitFinder finder = new SplitFinder(bins, k, 4, rows, cls, wts, sortLimit, density);
          int column = finder.find(features, 4, 0, m, parent, sum2, total);
          String result = column < 0 ? "none" : column + " " + finder.bestLeftCode() + " "
              + finder.bestRightCode() + " " + finder.bestCrit();
          for (int j = 0; j < 4; j++) {
            boolean constant = true;
            for (int i = 1; i < m; i++) {
              constant &= bins.codes()[features[j]][rows[i]]
                  == bins.codes()[features[j]][rows[0]];
            }
            assertEquals(constant, finder.wasConstant(j), "feature " + features[j]);
          }
          if (reference == null) {
            reference = result;
          }
          assertEquals(reference, result, "trial " + trial + ", sortLimit " + sortLimit
              + ", density " + density);
        }
      }
    }
  }
}
