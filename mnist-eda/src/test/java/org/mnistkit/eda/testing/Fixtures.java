package org.mnistkit.eda.testing;

import java.util.SplittableRandom;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.RealMatrix;
import org.mnistkit.core.tensor.FloatMatrix;

/** Small deterministic matrices for the tests of this module. */
public final class Fixtures {

  private Fixtures() {}

  /** @return an m x n matrix of independent standard normal values */
  public static FloatMatrix gaussian(int m, int n, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    float[] a = new float[m * n];
    for (int i = 0; i < a.length; i++) {
      a[i] = (float) r.nextGaussian();
    }
    return FloatMatrix.wrap(m, n, a);
  }

  /**
   * @return an m x n matrix whose entries are non-zero (uniform in (0, 1], like scaled pixels) with
   *     probability density, else exactly 0
   */
  public static FloatMatrix sparse(int m, int n, double density, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    float[] a = new float[m * n];
    for (int i = 0; i < a.length; i++) {
      if (r.nextDouble() < density) {
        a[i] = (float) (1.0 - r.nextDouble());
      }
    }
    return FloatMatrix.wrap(m, n, a);
  }

  /**
   * @return an m x n matrix of exact rank r (product of m x r and r x n Gaussian factors, the
   *     k-th factor column scaled by 2^-k so that the singular values are well separated)
   */
  public static FloatMatrix lowRank(int m, int n, int r, long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    double[][] left = new double[m][r];
    double[][] right = new double[r][n];
    for (int i = 0; i < m; i++) {
      for (int k = 0; k < r; k++) {
        left[i][k] = rnd.nextGaussian() * Math.pow(2, -k);
      }
    }
    for (int k = 0; k < r; k++) {
      for (int j = 0; j < n; j++) {
        right[k][j] = rnd.nextGaussian();
      }
    }
    float[] a = new float[m * n];
    for (int i = 0; i < m; i++) {
      for (int j = 0; j < n; j++) {
        double s = 0;
        for (int k = 0; k < r; k++) {
          s += left[i][k] * right[k][j];
        }
        a[i * n + j] = (float) s;
      }
    }
    return FloatMatrix.wrap(m, n, a);
  }

  /**
   * The matrix of the R golden values: {@code outer(1:m, 1:n, function(i, j) sin(i * j / 7) +
   * cos(i + 2 * j) / (1 + j))}.
   */
  public static FloatMatrix rGolden(int m, int n) {
    float[] a = new float[m * n];
    for (int i = 1; i <= m; i++) {
      for (int j = 1; j <= n; j++) {
        a[(i - 1) * n + (j - 1)] = (float) (Math.sin(i * j / 7.0) + Math.cos(i + 2.0 * j) / (1 + j));
      }
    }
    return FloatMatrix.wrap(m, n, a);
  }

  /** @return the matrix as a commons-math matrix of doubles (the float values, exactly) */
  public static RealMatrix toReal(FloatMatrix x) {
    double[][] d = new double[x.rows()][x.cols()];
    for (int i = 0; i < x.rows(); i++) {
      for (int j = 0; j < x.cols(); j++) {
        d[i][j] = x.get(i, j);
      }
    }
    return new Array2DRowRealMatrix(d, false);
  }

  /**
   * Points around well-separated centres: {@code perCluster} points per cluster in d dimensions,
   * centre c at {@code 20 * c} on every axis, unit Gaussian noise; labels are the cluster numbers.
   *
   * @return the points; labels are {@code i / perCluster}
   */
  public static FloatMatrix blobs(int clusters, int perCluster, int d, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    float[] a = new float[clusters * perCluster * d];
    for (int c = 0; c < clusters; c++) {
      for (int i = 0; i < perCluster; i++) {
        int row = c * perCluster + i;
        for (int j = 0; j < d; j++) {
          a[row * d + j] = (float) (20.0 * c * (j % 2 == 0 ? 1 : -1) + r.nextGaussian());
        }
      }
    }
    return FloatMatrix.wrap(clusters * perCluster, d, a);
  }

  /** @return labels 0,0,..,1,1,.. for {@link #blobs} */
  public static int[] blobLabels(int clusters, int perCluster) {
    int[] y = new int[clusters * perCluster];
    for (int i = 0; i < y.length; i++) {
      y[i] = i / perCluster;
    }
    return y;
  }
}
