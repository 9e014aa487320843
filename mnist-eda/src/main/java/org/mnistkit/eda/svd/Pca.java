package org.mnistkit.eda.svd;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.mnistkit.core.concurrent.Workers;
import org.mnistkit.core.model.Provenance;
import org.mnistkit.core.tensor.FloatMatrix;

/**
 * Principal components by a truncated SVD of the centred (optionally scaled) matrix, like R's
 * {@code irlba::prcomp_irlba(x, n, center = TRUE, scale. = FALSE)}: the centred matrix is never
 * formed; centring and scaling are applied inside the products ({@link DenseOperator#centered}).
 *
 * <pre>{@code
 * PcaModel pca = Pca.builder().nComponents(50).build().fit(x);   // x: n x 784
 * FloatMatrix scores = pca.scores();                              // n x 50, U times d
 * FloatMatrix projected = pca.transform(newRows);                 // same projection for new rows
 * }</pre>
 *
 * <p>As in prcomp_irlba: standard deviations are {@code d / sqrt(n - 1)}; scaling uses each
 * column's standard deviation around its centre (denominator n - 1) and fails on a constant
 * column (MNIST has such columns, so scaling is off by default); the total variance behind
 * {@link PcaModel#explainedVarianceRatio()} is the sum of the column variances (p when scaled).
 */
public final class Pca {

  /** The SVD algorithm behind the components. */
  public enum Method {
    /** {@link TruncatedSvd} (irlba's algorithm), the default. */
    IRLBA,
    /** {@link RandomizedSvd} with its defaults. */
    RANDOMIZED
  }

  private final int nComponents;
  private final boolean center;
  private final boolean scale;
  private final Method method;
  private final double tol;
  private final long seed;
  private final int threads;

  private Pca(Builder b) {
    this.nComponents = b.nComponents;
    this.center = b.center;
    this.scale = b.scale;
    this.method = b.method;
    this.tol = b.tol;
    this.seed = b.seed;
    this.threads = b.threads;
  }

  /** @return a builder with prcomp_irlba's defaults (3 components, centred, not scaled) */
  public static Builder builder() {
    return new Builder();
  }

  /** @return the number of components */
  public int nComponents() {
    return nComponents;
  }

  /** @return whether columns are centred */
  public boolean center() {
    return center;
  }

  /** @return whether columns are scaled to unit variance */
  public boolean scale() {
    return scale;
  }

  /** @return the SVD algorithm */
  public Method method() {
    return method;
  }

  /** @return the irlba convergence tolerance (unused by the randomized method) */
  public double tol() {
    return tol;
  }

  /** @return the seed of the SVD */
  public long seed() {
    return seed;
  }

  /**
   * @return the number of threads for the products of the fit; a runtime setting that is not
   *     saved with the model (a loaded model's settings report the builder's default), and not
   *     used by {@link PcaModel#transform(FloatMatrix, int)}, whose caller chooses its threads
   */
  public int threads() {
    return threads;
  }

  /**
   * @return the settings as {@link Provenance} records them, by prcomp_irlba's and this builder's
   *     names: nComponents, center, scale, method, tol (the seed is recorded apart; threads are not
   *     recorded, being a runtime setting)
   */
  Map<String, Object> provenanceSettings() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("nComponents", nComponents);
    m.put("center", center);
    m.put("scale", scale);
    m.put("method", method);
    m.put("tol", tol);
    return m;
  }

  /**
   * Fits the components.
   *
   * @param x n x p data, finite values, not modified; read in place, or through a
   *     {@link SparseOperator} index when at most 25% of the entries are non-zero
   * @return the fitted model with scores (n x k), rotation (p x k), standard deviations and its
   *     {@link PcaModel#provenance() provenance} (these settings, the seed, x's shape and origin,
   *     the fit time)
   * @throws IllegalArgumentException when x is empty or not finite, when
   *     {@code nComponents >= min(n, p)}, or when scaling meets a constant column
   */
  public PcaModel fit(FloatMatrix x) {
    Objects.requireNonNull(x, "x");
    int n = x.rows();
    int p = x.cols();
    TruncatedSvd.requireShape(n, p, nComponents);
    x.requireFinite("x");
    long start = System.nanoTime();
    try (Workers workers = new Workers(threads)) {
      double[] mean = ColumnStats.means(x, workers);
      double[] centre = center ? mean : null;
      double[] sumSq = ColumnStats.sumsOfSquaresAbout(x, center ? mean : new double[p], workers);
      double denom = Math.max(1, n - 1);
      double[] sd = null;
      double totalVariance = 0.0;
      if (scale) {
        sd = new double[p];
        for (int j = 0; j < p; j++) {
          sd[j] = Math.sqrt(sumSq[j] / denom);
          if (!(sd[j] > 0.0)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                "cannot scale column %d to unit variance: it is constant; use scale(false) or "
                    + "drop constant columns", j));
          }
        }
        totalVariance = p;
      } else {
        for (int j = 0; j < p; j++) {
          totalVariance += sumSq[j] / denom;
        }
      }
      LinearOperator op = MatrixOperators.forMatrix(x, centre, sd, workers);
      SvdResult svd = method == Method.IRLBA
          ? TruncatedSvd.builder().nv(nComponents).tol(tol).seed(seed).threads(threads).build()
              .fit(op, workers)
          : RandomizedSvd.builder().k(nComponents).seed(seed).threads(threads).build().fit(op);
      Provenance provenance = Provenance.of(x, provenanceSettings(), seed,
          (System.nanoTime() - start) / 1e9);
      return new PcaModel(this, n, p, centre, sd, svd, totalVariance, provenance);
    }
  }

  /** Settings of a {@link Pca}; checked in {@link #build()}. */
  public static final class Builder {
    private int nComponents = 3;
    private boolean center = true;
    private boolean scale = false;
    private Method method = Method.IRLBA;
    private double tol = TruncatedSvd.DEFAULT_TOL;
    private long seed = TruncatedSvd.DEFAULT_SEED;
    private int threads = Workers.defaultThreads();

    private Builder() {}

    /**
     * @param nComponents number of components k, at least 1 (default 3, prcomp_irlba's n); must
     *     be below min(n, p) at fit time
     * @return this builder
     */
    public Builder nComponents(int nComponents) {
      this.nComponents = nComponents;
      return this;
    }

    /**
     * @param center subtract column means (default true)
     * @return this builder
     */
    public Builder center(boolean center) {
      this.center = center;
      return this;
    }

    /**
     * @param scale divide columns by their standard deviation (default false)
     * @return this builder
     */
    public Builder scale(boolean scale) {
      this.scale = scale;
      return this;
    }

    /**
     * @param method SVD algorithm (default IRLBA)
     * @return this builder
     */
    public Builder method(Method method) {
      this.method = Objects.requireNonNull(method, "method");
      return this;
    }

    /**
     * @param tol irlba tolerance, at least 0 (default 1e-5)
     * @return this builder
     */
    public Builder tol(double tol) {
      this.tol = tol;
      return this;
    }

    /**
     * @param seed seed of the SVD start vector (default 123)
     * @return this builder
     */
    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    /**
     * @param threads threads for the matrix products of the fit, at least 1 (default: available
     *     processors); not saved with the model
     * @return this builder
     */
    public Builder threads(int threads) {
      this.threads = threads;
      return this;
    }

    /**
     * @return the configured PCA
     * @throws IllegalArgumentException naming the first setting out of range
     */
    public Pca build() {
      if (nComponents < 1) {
        throw new IllegalArgumentException("nComponents must be >= 1, got " + nComponents);
      }
      if (!(tol >= 0.0) || Double.isInfinite(tol)) {
        throw new IllegalArgumentException("tol must be finite and >= 0, got " + tol);
      }
      if (threads < 1) {
        throw new IllegalArgumentException("threads must be >= 1, got " + threads);
      }
      return new Pca(this);
    }
  }
}
