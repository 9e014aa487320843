package org.mnistkit.eda.umap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class FuzzyGraphTest {

  @Test
  void unionByHand() {
    // 3 points, k = 2 (self first): 0 -> 1 (0.5), 1 -> 0 (0.4), 2 -> 1 (1.0)
    int[] idx = {0, 1, 1, 0, 2, 1};
    double[] w = {1, 0.5, 1, 0.4, 1, 1.0};
    FuzzyGraph g = FuzzyGraph.union(idx, w, 3, 2, 1.0);
    assertArrayEquals(new int[] {0, 1, 3, 4}, g.rowStart);
    assertArrayEquals(new int[] {1, 0, 2, 1}, g.cols);
    // 0-1: 0.5 + 0.4 - 0.2 = 0.7; 1-2: 1.0
    assertArrayEquals(new double[] {0.7, 0.7, 1.0, 1.0}, g.weights, 1e-12);
    assertEquals(1, g.connectedComponents());
    FuzzyGraph intersection = FuzzyGraph.union(idx, w, 3, 2, 0.0);
    assertArrayEquals(new double[] {0.2, 0.2}, intersection.weights, 1e-12);
    assertEquals(2, intersection.connectedComponents());
    FuzzyGraph pruned = g.prune(0.8);
    assertEquals(2, pruned.entries());
  }
}
