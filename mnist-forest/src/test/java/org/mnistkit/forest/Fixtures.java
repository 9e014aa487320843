package org.mnistkit.forest;

import java.util.SplittableRandom;
import org.mnistkit.core.tensor.FloatMatrix;

/** Tiny generated data sets for the forest tests. */
final class Fixtures {

  private Fixtures() {}

  /** Features and labels of a generated data set. */
  record Data(FloatMatrix x, int[] y) {}

  /**
   * n rows, p features uniform on 0..9 (integers), class = (x0 &gt;= 5 ? 1 : 0), optionally
   * with a third class where x0 == 9; the other features are noise.
   */
  static Data informativeFirst(int n, int p, int classes, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    float[] x = new float[n * p];
    int[] y = new int[n];
    for (int i = 0; i < n; i++) {
      for (int f = 0; f < p; f++) {
        x[i * p + f] = r.nextInt(10);
      }
      float v = x[i * p];
      y[i] = classes > 2 && v == 9 ? 2 : (v >= 5 ? 1 : 0);
    }
    return new Data(FloatMatrix.wrap(n, p, x), y);
  }

  /** n rows of p uniform [0, 1) noise features and k classes drawn at random. */
  static Data noise(int n, int p, int k, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    float[] x = new float[n * p];
    int[] y = new int[n];
    for (int i = 0; i < n; i++) {
      for (int f = 0; f < p; f++) {
        x[i * p + f] = (float) r.nextDouble();
      }
      y[i] = r.nextInt(k);
    }
    return new Data(FloatMatrix.wrap(n, p, x), y);
  }

  /** Three noisy Gaussian-like clusters in p dimensions, classes 0..2, centres on the diagonal. */
  static Data clusters(int n, int p, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    float[] x = new float[n * p];
    int[] y = new int[n];
    for (int i = 0; i < n; i++) {
      y[i] = i % 3;
      for (int f = 0; f < p; f++) {
        double u = r.nextDouble() + r.nextDouble() + r.nextDouble() - 1.5;
        x[i * p + f] = (float) (y[i] * 1.0 + u);
      }
    }
    return new Data(FloatMatrix.wrap(n, p, x), y);
  }

  /** A forest with every row drawn once (no bootstrap), as many features as x has. */
  static RandomForest.Builder exact(int p) {
    return RandomForest.builder().trees(1).mtry(p).replace(false).sampleFraction(1.0).threads(1);
  }

  /** @return the depth of every node of a tree (root 0) */
  static int[] depths(Tree tree) {
    int[] depth = new int[tree.numNodes()];
    for (int i = 0; i < tree.numNodes(); i++) {
      if (!tree.isLeaf(i)) {
        depth[tree.left(i)] = depth[i] + 1;
        depth[tree.left(i) + 1] = depth[i] + 1;
      }
    }
    return depth;
  }
}
