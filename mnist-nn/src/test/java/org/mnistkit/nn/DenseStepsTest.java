package org.mnistkit.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mnistkit.nn.layers.Activation.LINEAR;
import static org.mnistkit.nn.layers.Activation.RELU;
import static org.mnistkit.nn.layers.Activation.SOFTMAX;
import static org.mnistkit.nn.layers.Activation.TANH;
import static org.mnistkit.nn.layers.Layers.dense;
import static org.mnistkit.nn.layers.Layers.dropout;

import org.junit.jupiter.api.Test;

/** The all-dense training step against finite differences, Deeplearning4j's step and itself. */
class DenseStepsTest {

  private static Sequential tiny(long seed) {
    return Sequential.of(dense(5, RELU).inputShape(6), dense(4, LINEAR), dense(3, SOFTMAX)).seed(seed)
        .compile(Optimizer.rmsprop(), Loss.CATEGORICAL_CROSSENTROPY, Metric.ACCURACY);
  }

  private static History fit(Sequential m, TinyData d, int epochs, int batch, int threads) {
    FitOptions o = FitOptions.builder().epochs(epochs).batchSize(batch).seed(7).verbose(0).build();
    return new Trainer(m, o, threads).fit(d.x, d.y, System.nanoTime());
  }

  @Test
  void supportsDenseRmspropSoftmaxNetworksOnly() {
    assertTrue(DenseSteps.supports(tiny(1)));
    assertFalse(DenseSteps.supports(Sequential.of(dense(5, TANH).inputShape(6), dense(3, SOFTMAX))
        .compile(Optimizer.rmsprop(), Loss.CATEGORICAL_CROSSENTROPY)), "tanh hidden layer");
    assertFalse(DenseSteps.supports(Sequential.of(dense(5, RELU).inputShape(6), dense(3, SOFTMAX))
        .compile(Optimizer.adam(), Loss.CATEGORICAL_CROSSENTROPY)), "adam");
    assertFalse(DenseSteps.supports(Sequential.of(dense(5, RELU).inputShape(6), dropout(0.5), dense(3, SOFTMAX))
        .compile(Optimizer.rmsprop(), Loss.CATEGORICAL_CROSSENTROPY)), "dropout");
    assertFalse(DenseSteps.supports(Sequential.of(dense(5, RELU).inputShape(6), dense(3, SOFTMAX))
        .compile(Optimizer.rmsprop(), Loss.MEAN_SQUARED_ERROR)), "mse");
  }

  @Test
  void gradientsEqualFiniteDifferencesOfTheMeanLoss() {
    TinyData d = TinyData.of(8, 6, 3, 11);
    Sequential m = tiny(3);
    float[] w0 = m.getWeights();
    float[][] kernel = new float[3][];
    float[][] bias = new float[3][];
    try (DenseSteps steps = new DenseSteps(m, 8, 1)) {
      steps.load();
      steps.step(d.x, d.y, new int[] {0, 1, 2, 3, 4, 5, 6, 7}, 0, 8);
      for (int l = 0; l < 3; l++) {
        kernel[l] = steps.kernelGradient(l).clone();
        bias[l] = steps.biasGradient(l).clone();
      }
    }
    // Deeplearning4j's flattened order per layer: kernel in 'f' order (the W^T layout), then bias.
    int[][] shapes = {{6, 5}, {5, 4}, {4, 3}};
    int off = 0;
    int checked = 0;
    for (int l = 0; l < 3; l++) {
      int n = shapes[l][0] * shapes[l][1];
      for (int i = 0; i < n + shapes[l][1]; i++) {
        float analytic = i < n ? kernel[l][i] : bias[l][i - n];
        double numeric = centralDifference(m, d, w0, off + i);
        assertEquals(numeric, analytic, 5e-4 + 0.01 * Math.abs(numeric), "layer " + l + " parameter " + i);
        checked++;
      }
      off += n + shapes[l][1];
    }
    assertEquals(m.countParams(), checked);
  }

  private static double centralDifference(Sequential m, TinyData d, float[] w0, int i) {
    float h = 1e-3f; // small enough not to cross a relu kink on these rows
    float[] w = w0.clone();
    w[i] = w0[i] + h;
    m.setWeights(w);
    double plus = m.evaluate(d.x, d.y).get("loss");
    w[i] = w0[i] - h;
    m.setWeights(w);
    double minus = m.evaluate(d.x, d.y).get("loss");
    m.setWeights(w0);
    return (plus - minus) / (2 * h);
  }

  @Test
  void stepsEqualDeeplearning4jSteps() {
    TinyData d = TinyData.of(40, 6, 3, 5);
    Sequential ours = tiny(9);
    Sequential theirs = tiny(9);
    assertArrayEquals(theirs.getWeights(), ours.getWeights());
    History a = fit(ours, d, 2, 16, 1); // 3 steps per epoch, the last one of 8 rows
    History b = fit(theirs, d, 2, 16, 0);
    assertClose(theirs.getWeights(), ours.getWeights(), 1e-5);
    assertClose(NdArrays.toFloats(theirs.network().getUpdater().getStateViewArray()),
        NdArrays.toFloats(ours.network().getUpdater().getStateViewArray()), 1e-5);
    assertEquals(b.last("loss"), a.last("loss"), 1e-5);
    assertEquals(b.last("accuracy"), a.last("accuracy"), 1e-12);
    assertEquals(theirs.network().getIterationCount(), ours.network().getIterationCount());
  }

  @Test
  void oneThreadAndTwoGiveTheSameWeightsBitForBit() {
    TinyData d = TinyData.of(160, 256, 10, 8);
    Sequential one = wide();
    Sequential two = wide();
    try (DenseSteps s = new DenseSteps(two, 64, 2)) {
      assertEquals(2, s.pieces(64, 0), "the 64 x 256 x 256 products are split");
    }
    fit(one, d, 2, 64, 1);
    fit(two, d, 2, 64, 2);
    assertArrayEquals(one.getWeights(), two.getWeights());
    assertFalse(java.util.Arrays.equals(wide().getWeights(), two.getWeights()), "training changed the weights");
  }

  private static Sequential wide() {
    return Sequential.of(dense(256, RELU).inputShape(256), dense(10, SOFTMAX)).seed(4)
        .compile(Optimizer.rmsprop(), Loss.CATEGORICAL_CROSSENTROPY, Metric.ACCURACY);
  }

  @Test
  void aSeededFitGivesTheSameWeightsTwice() {
    TinyData d = TinyData.of(50, 6, 3, 2);
    Sequential a = tiny(21);
    Sequential b = tiny(21);
    a.fit(d.x, d.y, f -> f.epochs(3).batchSize(8).seed(5).verbose(0));
    b.fit(d.x, d.y, f -> f.epochs(3).batchSize(8).seed(5).verbose(0));
    assertArrayEquals(a.getWeights(), b.getWeights());
    Sequential c = tiny(21);
    c.fit(d.x, d.y, f -> f.epochs(3).batchSize(8).seed(6).verbose(0));
    assertFalse(java.util.Arrays.equals(a.getWeights(), c.getWeights()), "another shuffle seed");
  }

  private static void assertClose(float[] expected, float[] actual, double tol) {
    assertEquals(expected.length, actual.length);
    for (int i = 0; i < expected.length; i++) {
      assertEquals(expected[i], actual[i], tol, "index " + i);
    }
  }
}
