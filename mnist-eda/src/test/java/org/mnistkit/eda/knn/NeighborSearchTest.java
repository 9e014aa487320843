package org.mnistkit.eda.knn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mnistkit.core.testing.TestAssertions.assertThrowsWithMessage;

import org.junit.jupiter.api.Test;
import org.mnistkit.core.tensor.FloatMatrix;
import org.mnistkit.eda.testing.Fixtures;

class NeighborSearchTest {

  @Test
  void exactSelfGraphByHand() {
    FloatMatrix x = FloatMatrix.of(new float[][] {{0, 0}, {3, 4}, {1, 0}, {0, 2}});
    KnnGraph g = ExactKnn.selfGraph(x, 3, Metric.EUCLIDEAN, 2);
    assertArrayEquals(new int[] {0, 2, 3, 1, 3, 2, 2, 0, 3, 3, 0, 2}, g.indices());
    assertEquals(0f, g.distance(0, 0));
    assertEquals(1f, g.distance(0, 1));
    assertEquals(2f, g.distance(0, 2));
    assertEquals((float) Math.sqrt(5), g.distance(2, 2), 1e-6);
    KnnGraph manhattan = ExactKnn.selfGraph(x, 2, Metric.MANHATTAN, 1);
    assertEquals(0, manhattan.index(3, 1)); // (0,2): (0,0) at 2 beats (1,0) at 1 + 2
    assertEquals(2f, manhattan.distance(3, 1));
  }

  @Test
  void cosineDistance() {
    float[] a = {1, 0, 0, 1, 0, 0, 2, 2};
    assertEquals(1.0, Metric.COSINE.distance(a, 0, a, 2, 2), 1e-12);
    assertEquals(0.0, Metric.COSINE.distance(a, 0, a, 0, 2), 1e-12);
    assertEquals(1 - Math.sqrt(0.5), Metric.COSINE.distance(a, 0, a, 6, 2), 1e-7);
    assertEquals(1.0, Metric.COSINE.distance(a, 0, a, 4, 2), 1e-12); // zero row
  }

  @Test
  void kdTreeAgreesWithBruteForce() {
    FloatMatrix x = Fixtures.gaussian(700, 2, 4);
    KnnGraph tree = KdTree.build(x).allNeighbors(10, 2);
    KnnGraph brute = ExactKnn.selfGraph(x, 11, Metric.EUCLIDEAN, 2);
    for (int i = 0; i < 700; i++) {
      for (int r = 0; r < 10; r++) {
        assertEquals(brute.distance(i, r + 1), tree.distance(i, r), 1e-6, "row " + i);
      }
    }
    assertEquals(1.0, tree.recall(new KnnGraph(700, 10, dropFirst(brute), dropFirstD(brute))),
        1e-12);
  }

  @Test
  void queriesFindThemselvesAndRejectMismatches() {
    FloatMatrix x = Fixtures.gaussian(50, 3, 1);
    KnnGraph g = ExactKnn.search(x, x.rowRange(10, 12), 1, Metric.EUCLIDEAN, 1);
    assertEquals(10, g.index(0, 0));
    assertEquals(11, g.index(1, 0));
    assertThrowsWithMessage(IllegalArgumentException.class,
        () -> ExactKnn.search(x, FloatMatrix.zeros(2, 4), 1, Metric.EUCLIDEAN, 1),
        "queries have 4 columns but the data has 3");
    assertThrowsWithMessage(IllegalArgumentException.class,
        () -> ExactKnn.selfGraph(x, 51, Metric.EUCLIDEAN, 1), "k must be in 1..50 (the number of rows), got 51");
    assertThrowsWithMessage(IllegalArgumentException.class, () -> KdTree.build(x).allNeighbors(50, 1),
        "k must be in 1..49 (the number of points - 1), got 50");
  }

  private static int[] dropFirst(KnnGraph g) {
    int[] out = new int[g.n() * (g.k() - 1)];
    for (int i = 0; i < g.n(); i++) {
      for (int r = 1; r < g.k(); r++) {
        out[i * (g.k() - 1) + r - 1] = g.index(i, r);
      }
    }
    return out;
  }

  private static float[] dropFirstD(KnnGraph g) {
    float[] out = new float[g.n() * (g.k() - 1)];
    for (int i = 0; i < g.n(); i++) {
      for (int r = 1; r < g.k(); r++) {
        out[i * (g.k() - 1) + r - 1] = g.distance(i, r);
      }
    }
    return out;
  }
}
