package org.mnistkit.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.learning.GradientUpdater;

/** Keras's SGD rules, checked by hand: Deeplearning4j subtracts the returned step from w. */
class MomentumSgdTest {

  @BeforeAll
  static void nd4j() {
    Nd4jRuntime.configure();
  }

  private static float[][] steps(boolean nesterov) {
    MomentumSgd config = new MomentumSgd(0.1, 0.9, nesterov);
    GradientUpdater<MomentumSgd> u = config.instantiate(NdArrays.row(new float[2]), true);
    float[][] out = new float[2][];
    for (int t = 0; t < 2; t++) {
      INDArray g = NdArrays.row(new float[] {1f, 2f});
      u.applyUpdater(g, t, 0);
      out[t] = NdArrays.toFloats(g);
    }
    return out;
  }

  @Test
  void classicMomentum() {
    // v1 = -0.1 g, w -= -v1: step 0.1 g; v2 = 0.9 v1 - 0.1 g = -0.19 g: step 0.19 g.
    float[][] s = steps(false);
    assertArrayEquals(new float[] {0.1f, 0.2f}, s[0], 1e-6f);
    assertArrayEquals(new float[] {0.19f, 0.38f}, s[1], 1e-6f);
  }

  @Test
  void nesterovMomentum() {
    // w += 0.9 v - 0.1 g: step 1 = 0.1 g + 0.09 g = 0.19 g; v2 = -0.19 g, step 2 = 0.1 g + 0.171 g.
    float[][] s = steps(true);
    assertArrayEquals(new float[] {0.19f, 0.38f}, s[0], 1e-6f);
    assertArrayEquals(new float[] {0.271f, 0.542f}, s[1], 1e-6f);
  }
}
