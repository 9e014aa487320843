package org.mnistkit.eda.umap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class FloatPowTest {

  @Test
  void withinOneUlpOfMathPowOverTwentyOrdersOfMagnitude() {
    SplittableRandom random = new SplittableRandom(7);
    for (double b : new double[] {0.1, 0.5, 0.7915, 1.0, 1.5, 1.929, 4.0}) {
      int maxUlps = 0;
      int differing = 0;
      for (int i = 0; i < 200_000; i++) {
        float x = (float) Math.exp(random.nextDouble(-23, 23));
        int expected = Float.floatToIntBits((float) Math.pow(x, b));
        int ulps = Math.abs(Float.floatToIntBits(FloatPow.pow(x, b)) - expected);
        maxUlps = Math.max(maxUlps, ulps);
        differing += ulps == 0 ? 0 : 1;
      }
      assertTrue(maxUlps <= 1, "b " + b + ": " + maxUlps + " ulps");
      assertTrue(differing < 2_000, "b " + b + ": " + differing + " of 200000 differ by one ulp");
    }
  }

  @Test
  void exactWherePowersOfTwoAndOneAreExact() {
    assertEquals(1f, FloatPow.pow(1f, 0.7915));
    assertEquals(8f, FloatPow.pow(4f, 1.5));
    assertEquals(0.25f, FloatPow.pow(16f, -0.5));
    assertEquals(1024f, FloatPow.pow(2f, 10));
  }

  @Test
  void specialArgumentsAreMathPows() {
    float[] special = {0f, -0f, Float.MIN_VALUE, Float.MIN_NORMAL / 2, -2f, Float.POSITIVE_INFINITY,
        Float.NEGATIVE_INFINITY, Float.NaN};
    for (float x : special) {
      assertEquals((float) Math.pow(x, 0.7915), FloatPow.pow(x, 0.7915), "x = " + x);
    }
    assertEquals(Float.MIN_NORMAL, FloatPow.pow(Float.MIN_NORMAL, 1.0));
  }

  @Test
  void powersFarOutsideFloatsRangeAreMathPows() {
    float eps = Math.ulp(1.0f);
    float[][] cases = {{1e38f, 10}, {eps, 50}, {Float.MAX_VALUE, 8}, {Float.MAX_VALUE, 1}, {eps, -50}, {2f, 1100},
        {3f, Float.POSITIVE_INFINITY}, {0.5f, Float.POSITIVE_INFINITY}, {3f, Float.NaN}};
    for (float[] c : cases) {
      assertEquals((float) Math.pow(c[0], c[1]), FloatPow.pow(c[0], c[1]), c[0] + "^" + c[1]);
    }
    assertEquals(Float.POSITIVE_INFINITY, FloatPow.pow(1e38f, 10));
    assertEquals(0f, FloatPow.pow(eps, 50));
  }
}
