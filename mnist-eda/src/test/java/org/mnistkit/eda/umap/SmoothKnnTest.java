package org.mnistkit.eda.umap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mnistkit.eda.testing.Close.assertClose;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.mnistkit.core.concurrent.Workers;

class SmoothKnnTest {

  @Test
  void sigmaSolvesItsEquation() {
    int n = 50;
    int k = 15;
    float[] dist = new float[n * k];
    SplittableRandom r = new SplittableRandom(3);
    for (int i = 0; i < n; i++) {
      double d = 0;
      for (int j = 1; j < k; j++) {
        d += 0.1 + r.nextDouble();
        dist[i * k + j] = (float) d; // first entry 0: the point itself
      }
    }
    double target = Math.log(k) / Math.log(2);
    SmoothKnn.Result res;
    try (Workers w = new Workers(2)) {
      res = SmoothKnn.calibrate(dist, n, k, target, 1.0, true, w);
    }
    assertEquals(0, res.failures());
    for (int i = 0; i < n; i++) {
      assertEquals(dist[i * k + 1], res.rho()[i], 0.0, "rho is the nearest non-zero distance");
      double sum = 0;
      for (int j = 1; j < k; j++) {
        sum += Math.exp(-Math.max(0, dist[i * k + j] - res.rho()[i]) / res.sigma()[i]);
      }
      assertClose(sum, target, 0, 1e-5, "sum of memberships of point " + i);
      assertEquals(1.0, res.weights()[i * k + 1], 0.0, "nearest neighbour has weight 1");
      assertEquals(1.0, res.weights()[i * k], 0.0, "the point itself has weight 1");
      assertTrue(res.weights()[i * k + k - 1] < 1.0);
    }
  }

  @Test
  void rhoByHand() {
    float[] d = {0f, 0f, 1f, 2f, 4f};
    // non-zero distances start at index 2
    assertEquals(1.0, SmoothKnn.findRho(d, 2, 5, 1.0), 0.0);
    assertEquals(1.5, SmoothKnn.findRho(d, 2, 5, 1.5), 1e-12);
    assertEquals(2.0, SmoothKnn.findRho(d, 2, 5, 2.0), 0.0);
    assertEquals(4.0, SmoothKnn.findRho(d, 2, 5, 7.0), 0.0, "fewer than asked: the largest");
    assertEquals(0.0, SmoothKnn.findRho(d, 5, 5, 1.0), 0.0, "all duplicates: rho 0");
  }

  @Test
  void duplicatesDoNotBreakIt() {
    // a point whose neighbours are all at distance 0 gets weight 1 everywhere and a finite sigma
    float[] dist = new float[5];
    SmoothKnn.Result res;
    try (Workers w = new Workers(1)) {
      res = SmoothKnn.calibrate(dist, 1, 5, Math.log(5) / Math.log(2), 1.0, true, w);
    }
    assertTrue(Double.isFinite(res.sigma()[0]) && res.sigma()[0] >= 0);
    for (double v : res.weights()) {
      assertEquals(1.0, v, 0.0);
    }
  }
}
