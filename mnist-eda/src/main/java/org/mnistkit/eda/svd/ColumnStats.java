package org.mnistkit.eda.svd;

import org.mnistkit.core.concurrent.Workers;
import org.mnistkit.core.tensor.FloatMatrix;

/** Column means and sums of squares in double precision, summed in fixed row blocks. */
final class ColumnStats {

  private static final int BLOCKS = 32;

  private ColumnStats() {}

  /** @return the p column means of an n x p matrix (zeros when n = 0) */
  static double[] means(FloatMatrix x, Workers workers) {
    int n = x.rows();
    double[] sums = blockSums(x, new double[x.cols()], false, workers);
    for (int j = 0; j < sums.length; j++) {
      sums[j] = n == 0 ? 0.0 : sums[j] / n;
    }
    return sums;
  }

  /** @return for each column j, the sum over rows of (x_ij - about_j)^2 */
  static double[] sumsOfSquaresAbout(FloatMatrix x, double[] about, Workers workers) {
    return blockSums(x, about, true, workers);
  }

  private static double[] blockSums(FloatMatrix x, double[] about, boolean square,
      Workers workers) {
    int n = x.rows();
    int p = x.cols();
    float[] a = x.data();
    int blocks = Math.max(1, Math.min(BLOCKS, n));
    double[][] partial = new double[blocks][p];
    workers.forChunks(n, blocks, (c, from, to) -> {
      double[] acc = partial[c];
      for (int i = from; i < to; i++) {
        int off = i * p;
        if (square) {
          for (int j = 0; j < p; j++) {
            double d = a[off + j] - about[j];
            acc[j] += d * d;
          }
        } else {
          for (int j = 0; j < p; j++) {
            acc[j] += a[off + j];
          }
        }
      }
    });
    double[] out = new double[p];
    for (double[] acc : partial) {
      for (int j = 0; j < p; j++) {
        out[j] += acc[j];
      }
    }
    return out;
  }
}
