package org.mnistkit.nn;

import java.util.SplittableRandom;
import org.mnistkit.core.tensor.Categorical;
import org.mnistkit.core.tensor.FloatMatrix;

/** Small generated classification data: class c lights up feature c (mod d), plus noise. */
final class TinyData {

  final FloatMatrix x;
  final int[] labels;
  final FloatMatrix y;

  private TinyData(FloatMatrix x, int[] labels, int classes) {
    this.x = x;
    this.labels = labels;
    this.y = Categorical.toCategorical(labels, classes);
  }

  /**
   * @param n rows
   * @param d features per row
   * @param classes number of classes, labels cycle 0, 1, ..., classes-1
   */
  static TinyData of(int n, int d, int classes, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    float[] v = new float[n * d];
    int[] labels = new int[n];
    for (int i = 0; i < n; i++) {
      labels[i] = i % classes;
      for (int j = 0; j < d; j++) {
        v[i * d + j] = (float) (0.2 * r.nextDouble());
      }
      v[i * d + labels[i] % d] += 0.8f;
    }
    return new TinyData(FloatMatrix.wrap(n, d, v), labels, classes);
  }
}
