package org.mnistkit.eda.umap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.mnistkit.core.concurrent.Workers;
import org.mnistkit.core.tensor.FloatMatrix;
import org.mnistkit.eda.knn.ExactKnn;
import org.mnistkit.eda.knn.KnnGraph;
import org.mnistkit.eda.knn.Metric;
import org.mnistkit.eda.testing.Fixtures;

class NnDescentTest {

  private static KnnGraph descend(FloatMatrix x, int k, Metric metric, int threads) {
    try (Workers w = new Workers(threads)) {
      return new NnDescent(x, k, metric, 42, w).run(8, 15, k, 10, 0.001);
    }
  }

  private static KnnGraph exactOthers(FloatMatrix x, int k, Metric metric) {
    KnnGraph self = ExactKnn.selfGraph(x, k + 1, metric, 2);
    int n = x.rows();
    int[] idx = new int[n * k];
    float[] d = new float[n * k];
    for (int i = 0; i < n; i++) {
      for (int r = 0; r < k; r++) {
        idx[i * k + r] = self.index(i, r + 1);
        d[i * k + r] = self.distance(i, r + 1);
      }
    }
    return new KnnGraph(n, k, idx, d);
  }

  /** Gaussian clusters in 12 dimensions, overlapping enough that the search has work to do. */
  private static FloatMatrix data() {
    FloatMatrix x = Fixtures.gaussian(3000, 12, 9);
    for (int i = 0; i < x.rows(); i++) {
      for (int j = 0; j < 12; j++) {
        x.set(i, j, x.get(i, j) + 2f * ((i % 5) == (j % 5) ? 1 : 0));
      }
    }
    return x;
  }

  @Test
  void recallAgainstExactSearch() {
    FloatMatrix x = data();
    for (Metric m : Metric.values()) {
      double recall = descend(x, 14, m, 2).recall(exactOthers(x, 14, m));
      assertTrue(recall >= 0.95, m + " recall " + recall);
    }
  }

  @Test
  void sameGraphForAnyThreadCount() {
    FloatMatrix x = data();
    KnnGraph one = descend(x, 10, Metric.EUCLIDEAN, 1);
    KnnGraph three = descend(x, 10, Metric.EUCLIDEAN, 3);
    assertArrayEquals(one.indices(), three.indices());
    assertArrayEquals(one.distances(), three.distances());
  }
}
