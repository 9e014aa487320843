package org.mnistkit.nn;

import static org.mnistkit.core.testing.TestAssertions.assertClose;

import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.learning.GradientUpdater;
import org.nd4j.linalg.learning.config.RmsProp;

/** The heap RMSprop takes Deeplearning4j's steps, also on views into larger arrays. */
class JavaRmsPropTest {

  @BeforeAll
  static void nd4j() {
    Nd4jRuntime.configure();
  }

  private static double[] toDouble(INDArray a) {
    float[] f = NdArrays.toFloats(a.dup('c'));
    double[] d = new double[f.length];
    for (int i = 0; i < f.length; i++) {
      d[i] = f[i];
    }
    return d;
  }

  @Test
  void matchesDeeplearning4jOnViews() {
    int n = 40;
    int from = 7;
    int to = 30;
    INDArray oursState = Nd4j.zeros(org.nd4j.linalg.api.buffer.DataType.FLOAT, 1, n);
    INDArray theirsState = oursState.dup();
    GradientUpdater<?> ours = new JavaRmsProp(0.01, 0.9, 1e-7)
        .instantiate(oursState.get(NDArrayIndex.point(0), NDArrayIndex.interval(from, to)).reshape(1, to - from),
            true);
    INDArray theirsView = theirsState.get(NDArrayIndex.point(0), NDArrayIndex.interval(from, to))
        .reshape(1, to - from);
    GradientUpdater<?> theirs = new RmsProp(0.01, 0.9, 1e-7).instantiate(theirsView, true);
    theirsView.assign(0); // Deeplearning4j starts at epsilon, Keras (and we) at 0
    SplittableRandom r = new SplittableRandom(3);
    for (int t = 0; t < 4; t++) {
      float[] g = new float[n];
      for (int i = 0; i < n; i++) {
        g[i] = (float) r.nextGaussian();
      }
      INDArray a = NdArrays.row(g);
      INDArray b = NdArrays.row(g);
      ours.applyUpdater(a.get(NDArrayIndex.point(0), NDArrayIndex.interval(from, to)).reshape(1, to - from), t, 0);
      theirs.applyUpdater(b.get(NDArrayIndex.point(0), NDArrayIndex.interval(from, to)).reshape(1, to - from), t, 0);
      assertClose(toDouble(a), toDouble(b), 1e-5, 1e-9);
    }
    assertClose(toDouble(oursState), toDouble(theirsState), 1e-5, 1e-12);
  }

  @Test
  void firstStepByHand() {
    // s = 0.1 g^2, step = lr g / (sqrt(0.1) |g| + eps) = 0.01 sign(g) / sqrt(0.1).
    float[] g = {2f, -0.5f};
    float[] s = new float[2];
    JavaRmsProp.Updater.step(g, s, 0.01f, 0.9f, 0f);
    assertClose(new double[] {g[0], g[1]}, new double[] {0.01 / Math.sqrt(0.1), -0.01 / Math.sqrt(0.1)}, 1e-6, 0);
    assertClose(new double[] {s[0], s[1]}, new double[] {0.4, 0.025}, 1e-6, 0);
  }
}
