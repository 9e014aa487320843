package org.mnistkit.eda.svd;

import java.util.Locale;
import java.util.Objects;
import java.util.SplittableRandom;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.SingularValueDecomposition;
import org.mnistkit.core.concurrent.Workers;
import org.mnistkit.core.tensor.FloatMatrix;

/**
 * Truncated SVD by randomized subspace iteration: Halko, Martinsson and Tropp (2011), "Finding
 * structure with randomness", SIAM Review 53(2), algorithm 4.4 (the range finder with power
 * iterations, re-orthonormalising after every product) followed by the SVD of the small matrix
 * {@code Q^T A} (their algorithm 5.1). The same scheme as scikit-learn's
 * {@code randomized_svd}; differences: Gaussian test matrix from a seeded {@link SplittableRandom},
 * orthonormalisation by Gram-Schmidt applied twice instead of LU/QR, a fixed number of power
 * iterations (default 2) and no convergence test, so {@link SvdResult#converged()} is always true.
 *
 * <p>Accuracy depends on the spectrum: with decaying singular values (images) the leading values
 * agree with irlba to several digits; prefer {@link TruncatedSvd} when accuracy matters.
 */
public final class RandomizedSvd {

  /** Default number of extra columns of the test matrix. */
  public static final int DEFAULT_OVERSAMPLING = 10;
  /** Default number of power iterations. */
  public static final int DEFAULT_POWER_ITERATIONS = 2;

  private final int k;
  private final int oversampling;
  private final int powerIterations;
  private final long seed;
  private final int threads;

  private RandomizedSvd(Builder b) {
    this.k = b.k;
    this.oversampling = b.oversampling;
    this.powerIterations = b.powerIterations;
    this.seed = b.seed;
    this.threads = b.threads;
  }

  /** @return a builder; {@link Builder#k} must be set */
  public static Builder builder() {
    return new Builder();
  }

  /** @return the number of singular triplets */
  public int k() {
    return k;
  }

  /** @return the oversampling (extra test vectors) */
  public int oversampling() {
    return oversampling;
  }

  /** @return the number of power iterations */
  public int powerIterations() {
    return powerIterations;
  }

  /**
   * @param a an m x n matrix, finite values, not modified; read in place, or through a
   *     {@link SparseOperator} index when at most 25% of the entries are non-zero
   * @return the k leading triplets (U m x k, V n x k, values descending)
   * @throws IllegalArgumentException when a is empty, not finite, or {@code k >= min(m, n)}
   */
  public SvdResult fit(FloatMatrix a) {
    Objects.requireNonNull(a, "a");
    TruncatedSvd.requireShape(a.rows(), a.cols(), k);
    a.requireFinite("the matrix");
    try (Workers workers = new Workers(threads)) {
      return fit(MatrixOperators.forMatrix(a, null, null, workers));
    }
  }

  /**
   * @param a an m x n operator
   * @return the k leading triplets
   * @throws IllegalArgumentException when a is empty or {@code k >= min(m, n)}
   */
  public SvdResult fit(LinearOperator a) {
    Objects.requireNonNull(a, "a");
    int m = a.rows();
    int n = a.cols();
    TruncatedSvd.requireShape(m, n, k);
    int l = Math.min(k + oversampling, Math.min(m, n));
    SplittableRandom random = new SplittableRandom(seed);
    double[][] omega = new double[l][n];
    for (double[] col : omega) {
      for (int j = 0; j < n; j++) {
        col[j] = random.nextGaussian();
      }
    }
    int[] products = {0};
    double[][] q = multiplyColumns(a, omega, m, false, products);
    orthonormalize(q, random);
    for (int it = 0; it < powerIterations; it++) {
      double[][] z = multiplyColumns(a, q, n, true, products);
      orthonormalize(z, random);
      q = multiplyColumns(a, z, m, false, products);
      orthonormalize(q, random);
    }
    // B = Q^T A (l x n), from the columns of A^T Q.
    double[][] bt = multiplyColumns(a, q, n, true, products);
    double[][] b = new double[l][n];
    for (int t = 0; t < l; t++) {
      System.arraycopy(bt[t], 0, b[t], 0, n);
    }
    SingularValueDecomposition svd = new SingularValueDecomposition(
        new Array2DRowRealMatrix(b, false));
    double[] d = java.util.Arrays.copyOf(svd.getSingularValues(), k);
    RealMatrix ub = svd.getU();
    RealMatrix vb = svd.getV();
    float[] u = new float[m * k];
    for (int i = 0; i < m; i++) {
      for (int c = 0; c < k; c++) {
        double sum = 0.0;
        for (int t = 0; t < l; t++) {
          sum += q[t][i] * ub.getEntry(t, c);
        }
        u[i * k + c] = (float) sum;
      }
    }
    float[] v = new float[n * k];
    for (int j = 0; j < n; j++) {
      for (int c = 0; c < k; c++) {
        v[j * k + c] = (float) vb.getEntry(j, c);
      }
    }
    return new SvdResult(d, FloatMatrix.wrap(m, k, u), FloatMatrix.wrap(n, k, v),
        powerIterations + 1, products[0], true, "randomized");
  }

  private static double[][] multiplyColumns(LinearOperator a, double[][] x, int outLen,
      boolean transpose, int[] products) {
    double[][] out = new double[x.length][outLen];
    for (int t = 0; t < x.length; t++) {
      if (transpose) {
        a.multiplyTranspose(x[t], out[t]);
      } else {
        a.multiply(x[t], out[t]);
      }
      products[0]++;
    }
    return out;
  }

  /**
   * Orthonormalises columns in place by modified Gram-Schmidt, twice ("twice is enough"); a
   * column that vanishes (rank deficiency) is replaced by a random orthogonal direction.
   */
  static void orthonormalize(double[][] cols, SplittableRandom random) {
    for (int t = 0; t < cols.length; t++) {
      double[] c = cols[t];
      double before = norm(c);
      for (int pass = 0; pass < 2; pass++) {
        for (int s = 0; s < t; s++) {
          double proj = dot(cols[s], c);
          for (int i = 0; i < c.length; i++) {
            c[i] -= proj * cols[s][i];
          }
        }
      }
      double after = norm(c);
      if (!(after > 1e-10 * Math.max(before, Double.MIN_NORMAL))) {
        for (int i = 0; i < c.length; i++) {
          c[i] = random.nextGaussian();
        }
        t--; // redo this column with the random replacement
        continue;
      }
      for (int i = 0; i < c.length; i++) {
        c[i] /= after;
      }
    }
  }

  private static double dot(double[] x, double[] y) {
    double s = 0.0;
    for (int i = 0; i < x.length; i++) {
      s += x[i] * y[i];
    }
    return s;
  }

  private static double norm(double[] x) {
    return Math.sqrt(dot(x, x));
  }

  /** Settings of a {@link RandomizedSvd}; checked in {@link #build()}. */
  public static final class Builder {
    private int k = -1;
    private int oversampling = DEFAULT_OVERSAMPLING;
    private int powerIterations = DEFAULT_POWER_ITERATIONS;
    private long seed = TruncatedSvd.DEFAULT_SEED;
    private int threads = Workers.defaultThreads();

    private Builder() {}

    /**
     * @param k number of singular triplets, at least 1
     * @return this builder
     */
    public Builder k(int k) {
      this.k = k;
      return this;
    }

    /**
     * @param oversampling extra random test vectors, at least 0 (default 10)
     * @return this builder
     */
    public Builder oversampling(int oversampling) {
      this.oversampling = oversampling;
      return this;
    }

    /**
     * @param powerIterations products with {@code A A^T} applied to sharpen the range, at least 0
     *     (default 2)
     * @return this builder
     */
    public Builder powerIterations(int powerIterations) {
      this.powerIterations = powerIterations;
      return this;
    }

    /**
     * @param seed seed of the Gaussian test matrix (default 123)
     * @return this builder
     */
    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    /**
     * @param threads threads for products with a matrix, at least 1
     * @return this builder
     */
    public Builder threads(int threads) {
      this.threads = threads;
      return this;
    }

    /**
     * @return the configured SVD
     * @throws IllegalArgumentException naming the first setting out of range
     */
    public RandomizedSvd build() {
      if (k < 1) {
        throw new IllegalArgumentException("k must be >= 1, got " + (k == -1 ? "unset" : k));
      }
      if (oversampling < 0) {
        throw new IllegalArgumentException("oversampling must be >= 0, got " + oversampling);
      }
      if (powerIterations < 0) {
        throw new IllegalArgumentException(String.format(Locale.ROOT,
            "powerIterations must be >= 0, got %d", powerIterations));
      }
      if (threads < 1) {
        throw new IllegalArgumentException("threads must be >= 1, got " + threads);
      }
      return new RandomizedSvd(this);
    }
  }
}
