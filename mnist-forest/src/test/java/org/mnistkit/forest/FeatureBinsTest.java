package org.mnistkit.forest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.mnistkit.core.tensor.FloatMatrix;

class FeatureBinsTest {

  @Test
  void fewDistinctValuesGetOneCodePerValueInOrder() {
    FloatMatrix x = FloatMatrix.of(new float[][] {{0.5f, -0.0f}, {0.25f, 0f}, {0.5f, 3f},
        {1f, -2f}});
    FeatureBins bins = FeatureBins.of(x, 1);
    assertTrue(bins.isExact(0));
    assertEquals(3, bins.numBins(0));
    byte[][] codes = bins.codes();
    assertEquals(1, codes[0][0]);
    assertEquals(0, codes[0][1]);
    assertEquals(1, codes[0][2]);
    assertEquals(2, codes[0][3]);
    assertEquals(3, bins.numBins(1), "-0.0 and 0.0 are one value");
    assertEquals(codes[1][0], codes[1][1]);
    assertEquals(1.5f, bins.threshold(1, 1, 2), "midpoint of 0 and 3");
    assertEquals(codes[1][1], bins.chunkOf(1)[bins.offsetOf(1) + 1], "row-major copy agrees");
  }

  @Test
  void manyDistinctValuesAreCutIntoAtMost256QuantileBins() {
    int n = 5000;
    float[] data = new float[n * 2];
    SplittableRandom r = new SplittableRandom(1);
    for (int i = 0; i < n; i++) {
      data[2 * i] = (float) r.nextGaussian();
      data[2 * i + 1] = i % 256; // exactly 256 values: still exact
    }
    FeatureBins bins = FeatureBins.of(FloatMatrix.wrap(n, 2, data), 2);
    assertFalse(bins.isExact(0));
    assertTrue(bins.isExact(1));
    assertEquals(256, bins.numBins(1));
    int numBins = bins.numBins(0);
    assertTrue(numBins > 200 && numBins <= 256, "bins: " + numBins);
    int[] size = new int[numBins];
    for (int i = 0; i < n; i++) {
      int c = bins.codes()[0][i] & 0xFF;
      size[c]++;
      assertTrue(bins.lower(0, c) <= data[2 * i] && data[2 * i] <= bins.upper(0, c));
    }
    for (int b = 0; b + 1 < numBins; b++) {
      assertTrue(bins.upper(0, b) < bins.lower(0, b + 1), "bins are ordered and disjoint");
      assertTrue(size[b] >= 1 && size[b] <= 2 * n / 256, "bin " + b + " holds " + size[b]);
    }
  }

  @Test
  void midpointStaysBetweenAdjacentFloats() {
    float a = 1f;
    float b = Math.nextUp(a);
    float m = FeatureBins.midpoint(a, b);
    assertTrue(a <= m && m < b);
    assertEquals(2.5f, FeatureBins.midpoint(2f, 3f));
  }
}
