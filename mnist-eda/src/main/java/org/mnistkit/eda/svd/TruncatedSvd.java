package org.mnistkit.eda.svd;

import java.util.Locale;
import java.util.Objects;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.SingularValueDecomposition;
import org.mnistkit.core.concurrent.Progress;
import org.mnistkit.core.concurrent.Workers;
import org.mnistkit.core.tensor.FloatMatrix;

/**
 * Truncated SVD by the augmented implicitly restarted Lanczos bidiagonalization of Baglama and
 * Reichel (2005), the algorithm of R's {@code irlba(A, nv)}, with irlba's defaults: working
 * subspace {@code nv + 7}, tolerance {@code 1e-5}, at most 1000 passes, full
 * reorthogonalisation. Like irlba, matrices with fewer than 6 rows or columns go to a dense SVD
 * (commons-math3).
 *
 * <pre>{@code
 * SvdResult s = TruncatedSvd.builder().nv(30).build().fit(images.toScaledMatrix());
 * double[] d = s.singularValues();       // 30 values, descending
 * FloatMatrix u = s.u(), v = s.v();      // 60000 x 30 and 784 x 30
 * }</pre>
 *
 * <p>A dense matrix is read in place; one with at most a quarter of its entries non-zero (the
 * scaled MNIST images have 19%) is first indexed by {@link SparseOperator}, which copies the
 * non-zero entries (6 bytes each) and halves the time of every product. Products run in parallel
 * over rows on {@link Builder#threads threads} threads, and results do not depend on the thread
 * count. {@link #fit(LinearOperator)} takes any other representation.
 * Non-convergence within {@link Builder#maxIterations} passes is not an exception: the result's
 * {@link SvdResult#converged()} is false. See {@link RandomizedSvd} for the randomized
 * alternative and {@link Pca} for centred components.
 */
public final class TruncatedSvd {

  /** irlba's default extra working-subspace size: {@code work = nv + 7}. */
  public static final int DEFAULT_EXTRA_WORK = 7;
  /** irlba's default tolerance. */
  public static final double DEFAULT_TOL = 1e-5;
  /** irlba's default {@code maxit}. */
  public static final int DEFAULT_MAX_ITERATIONS = 1000;
  /** The default seed of the start vector. */
  public static final long DEFAULT_SEED = 123L;

  private final int nv;
  private final int work;
  private final double tol;
  private final int maxIterations;
  private final long seed;
  private final int threads;

  private TruncatedSvd(Builder b) {
    this.nv = b.nv;
    this.work = b.work > 0 ? b.work : b.nv + DEFAULT_EXTRA_WORK;
    this.tol = b.tol;
    this.maxIterations = b.maxIterations;
    this.seed = b.seed;
    this.threads = b.threads;
  }

  /** @return a builder with irlba's defaults; {@link Builder#nv} must be set */
  public static Builder builder() {
    return new Builder();
  }

  /** @return the number of singular triplets to compute */
  public int nv() {
    return nv;
  }

  /** @return the working subspace dimension (nv + 7 unless set) */
  public int work() {
    return work;
  }

  /** @return the convergence tolerance */
  public double tol() {
    return tol;
  }

  /** @return the maximum number of Lanczos passes */
  public int maxIterations() {
    return maxIterations;
  }

  /** @return the seed of the random start vector */
  public long seed() {
    return seed;
  }

  /** @return the number of threads for products with a {@link FloatMatrix} */
  public int threads() {
    return threads;
  }

  /**
   * Computes the nv largest singular triplets of a matrix.
   *
   * @param a an m x n matrix, m, n &gt;= 1, finite values; not modified (read in place, or
   *     through a {@link SparseOperator} index when at most 25% of the entries are non-zero)
   * @return d (nv, descending), U (m x nv), V (n x nv), passes, products, convergence flag
   * @throws IllegalArgumentException when a is empty, has a NaN or infinite value, or
   *     {@code nv >= min(m, n)}
   */
  public SvdResult fit(FloatMatrix a) {
    return fit(a, Progress.NONE);
  }

  /**
   * Computes the nv largest singular triplets as {@link #fit(FloatMatrix)} does, telling a listener
   * after each restart how many of the nv values have converged (the most so far), on the calling
   * thread; the result is the same as without a listener.
   *
   * @param a an m x n matrix, as {@link #fit(FloatMatrix)}
   * @param progress told {@code (valuesConverged, nv)}; not null ({@link Progress#NONE} for none)
   * @return as {@link #fit(FloatMatrix)}
   * @throws IllegalArgumentException as {@link #fit(FloatMatrix)}
   */
  public SvdResult fit(FloatMatrix a, Progress progress) {
    Objects.requireNonNull(a, "a");
    Objects.requireNonNull(progress, "progress");
    requireShape(a.rows(), a.cols(), nv);
    a.requireFinite("the matrix");
    try (Workers workers = new Workers(threads)) {
      return fit(MatrixOperators.forMatrix(a, null, null, workers), workers, progress);
    }
  }

  /**
   * Computes the nv largest singular triplets of a matrix given as products, for example a
   * centred matrix ({@link DenseOperator#centered}) or a sparse graph.
   *
   * @param a an m x n operator, m, n &gt;= 1
   * @return as {@link #fit(FloatMatrix)}
   * @throws IllegalArgumentException when a is empty or {@code nv >= min(m, n)}
   */
  public SvdResult fit(LinearOperator a) {
    Objects.requireNonNull(a, "a");
    requireShape(a.rows(), a.cols(), nv);
    try (Workers workers = new Workers(threads)) {
      return fit(a, workers);
    }
  }

  SvdResult fit(LinearOperator a, Workers workers) {
    return fit(a, workers, Progress.NONE);
  }

  private SvdResult fit(LinearOperator a, Workers workers, Progress progress) {
    requireShape(a.rows(), a.cols(), nv);
    if (Math.min(a.rows(), a.cols()) < 6) {
      return dense(a, nv);
    }
    return new Irlba(a, nv, work, tol, maxIterations, seed, workers, progress).run();
  }

  static void requireShape(int m, int n, int k) {
    if (m < 1 || n < 1) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "the matrix is empty (%d x %d); an SVD needs at least one row and one column", m, n));
    }
    if (k >= Math.min(m, n)) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "nv must be < min(rows, cols) = %d for a %d x %d matrix, got %d; use a dense SVD for "
              + "all singular values", Math.min(m, n), m, n, k));
    }
  }

  /** The k leading triplets of a small operator by a dense SVD (commons-math3). */
  static SvdResult dense(LinearOperator a, int k) {
    int m = a.rows();
    int n = a.cols();
    double[][] full = new double[m][n];
    double[] e = new double[n];
    double[] col = new double[m];
    for (int j = 0; j < n; j++) {
      e[j] = 1.0;
      a.multiply(e, col);
      e[j] = 0.0;
      for (int i = 0; i < m; i++) {
        full[i][j] = col[i];
      }
    }
    SingularValueDecomposition svd =
        new SingularValueDecomposition(new Array2DRowRealMatrix(full, false));
    double[] d = java.util.Arrays.copyOf(svd.getSingularValues(), k);
    return new SvdResult(d, firstColumns(svd.getU(), k), firstColumns(svd.getV(), k), 0, n, true,
        "dense");
  }

  private static FloatMatrix firstColumns(RealMatrix q, int k) {
    int rows = q.getRowDimension();
    float[] out = new float[rows * k];
    for (int i = 0; i < rows; i++) {
      for (int l = 0; l < k; l++) {
        out[i * k + l] = (float) q.getEntry(i, l);
      }
    }
    return FloatMatrix.wrap(rows, k, out);
  }

  /** Settings of a {@link TruncatedSvd}; every value is checked in {@link #build()}. */
  public static final class Builder {
    private int nv = -1;
    private int work = -1;
    private double tol = DEFAULT_TOL;
    private int maxIterations = DEFAULT_MAX_ITERATIONS;
    private long seed = DEFAULT_SEED;
    private int threads = Workers.defaultThreads();
    private boolean workSet;

    private Builder() {}

    /**
     * @param nv number of singular triplets, at least 1 (and below min(rows, cols) at fit time)
     * @return this builder
     */
    public Builder nv(int nv) {
      this.nv = nv;
      return this;
    }

    /**
     * @param work working subspace dimension, greater than nv (default nv + 7); reduced to
     *     min(rows, cols) at fit time when larger, as irlba does
     * @return this builder
     */
    public Builder work(int work) {
      this.work = work;
      this.workSet = true;
      return this;
    }

    /**
     * @param tol convergence tolerance, at least 0 (default 1e-5): residuals below
     *     {@code tol * d1} and relative change of each value between passes below tol
     * @return this builder
     */
    public Builder tol(double tol) {
      this.tol = tol;
      return this;
    }

    /**
     * @param maxIterations maximum number of Lanczos passes (irlba's maxit: the first pass plus
     *     restarts), at least 1 (default 1000)
     * @return this builder
     */
    public Builder maxIterations(int maxIterations) {
      this.maxIterations = maxIterations;
      return this;
    }

    /**
     * @param seed seed of the Gaussian start vector (default 123)
     * @return this builder
     */
    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    /**
     * @param threads threads for products with a matrix, at least 1 (default: available
     *     processors)
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
    public TruncatedSvd build() {
      if (nv < 1) {
        throw new IllegalArgumentException("nv must be >= 1, got " + (nv == -1 ? "unset" : nv));
      }
      if (workSet && work <= nv) {
        throw new IllegalArgumentException(String.format(Locale.ROOT,
            "work must be > nv = %d, got %d", nv, work));
      }
      if (!(tol >= 0.0) || Double.isInfinite(tol)) {
        throw new IllegalArgumentException("tol must be finite and >= 0, got " + tol);
      }
      if (maxIterations < 1) {
        throw new IllegalArgumentException("maxIterations must be >= 1, got " + maxIterations);
      }
      if (threads < 1) {
        throw new IllegalArgumentException("threads must be >= 1, got " + threads);
      }
      return new TruncatedSvd(this);
    }
  }
}
