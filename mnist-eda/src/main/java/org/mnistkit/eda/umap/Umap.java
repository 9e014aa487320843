package org.mnistkit.eda.umap;

import java.util.Locale;
import java.util.Objects;
import org.mnistkit.core.concurrent.Workers;
import org.mnistkit.core.tensor.FloatMatrix;
import org.mnistkit.eda.knn.Metric;

/**
 * UMAP (McInnes, Healy and Melville 2018, "UMAP: Uniform Manifold Approximation and Projection for
 * Dimension Reduction", arXiv:1802.03426) with the parameters and defaults of R's
 * {@code uwot::umap} (J. Melville), ported in our own code from reading uwot 0.1.14 and umap-learn.
 *
 * <pre>{@code
 * UmapModel m = Umap.builder().nNeighbors(15).minDist(0.001).pca(50).build().fit(x);
 * FloatMatrix embedding = m.embedding();        // n x 2
 * FloatMatrix projected = m.transform(newRows);  // uwot::umap_transform, on all cores
 * m.save(Path.of("mnist.umap"));                 // UmapModel.load reads it back
 * }</pre>
 *
 * <p>Phases (each reported on stderr when {@link Builder#verbose}): optional PCA to
 * {@link Builder#pca} centred components ({@link org.mnistkit.eda.svd.Pca}, irlba's algorithm, as
 * uwot's {@code pca} argument); nearest neighbours, the point itself included as uwot counts it
 * (exact for fewer than 4096 rows as uwot does with FNN, otherwise NN-descent from random
 * projection trees, see {@link NnDescent}); smooth kNN calibration ({@link SmoothKnn}); fuzzy union
 * ({@link FuzzyGraph}); spectral initialisation ({@link SpectralInit}; PCA-based when the graph
 * is disconnected, random for fewer than 3 points); removal of edges below
 * {@code max weight / nEpochs}; SGD ({@link LayoutOptimizer}); centring of the result.
 *
 * <p>Differences from uwot: the approximate neighbour search is NN-descent instead of Annoy; the
 * random number generators differ (so the same seed gives a different, equally valid layout);
 * a and b are fitted with commons-math3 instead of R's {@code nls}; a disconnected graph falls
 * back to PCA initialisation scaled to standard deviation 1 (uwot's "spca", init_sdev = 1).
 */
public final class Umap {

  /** How the embedding starts. */
  public enum Init {
    /** Normalised Laplacian eigenvectors, scaled to 10 and jittered (uwot's "spectral"). */
    SPECTRAL,
    /** The first principal components of the input (uwot's "pca"). */
    PCA,
    /** Uniform in [-10, 10] (uwot's "random"). */
    RANDOM
  }

  /** How nearest neighbours are found. */
  public enum NeighborMethod {
    /** Exact below 4096 rows, NN-descent from there (uwot switches from FNN to Annoy there). */
    AUTO,
    /** All pairs; O(n^2 d). */
    EXACT,
    /** NN-descent started from random projection trees. */
    NN_DESCENT
  }

  /** Rows below which AUTO searches exactly, as uwot's default. */
  public static final int EXACT_BELOW = 4096;

  final int nNeighbors;
  final int nComponents;
  final Metric metric;
  final int nEpochs; // -1: auto
  final double learningRate;
  final Init init;
  final double spread;
  final double minDist;
  final double setOpMixRatio;
  final double localConnectivity;
  final double bandwidth;
  final double repulsionStrength;
  final double negativeSampleRate;
  final double a;
  final double b;
  final int pca; // 0: none
  final NeighborMethod neighborMethod;
  final long seed;
  final int threads;
  final int sgdThreads;
  final boolean verbose;

  private Umap(Builder bd, CurveParameters curve) {
    this.nNeighbors = bd.nNeighbors;
    this.nComponents = bd.nComponents;
    this.metric = bd.metric;
    this.nEpochs = bd.nEpochs;
    this.learningRate = bd.learningRate;
    this.init = bd.init;
    this.spread = bd.spread;
    this.minDist = bd.minDist;
    this.setOpMixRatio = bd.setOpMixRatio;
    this.localConnectivity = bd.localConnectivity;
    this.bandwidth = bd.bandwidth;
    this.repulsionStrength = bd.repulsionStrength;
    this.negativeSampleRate = bd.negativeSampleRate;
    this.a = curve.a();
    this.b = curve.b();
    this.pca = bd.pca;
    this.neighborMethod = bd.neighborMethod;
    this.seed = bd.seed;
    this.threads = bd.threads;
    this.sgdThreads = bd.sgdThreads;
    this.verbose = bd.verbose;
  }

  /** @return a builder with uwot's defaults */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Fits the embedding.
   *
   * @param x n x p data, finite values, n &gt;= nNeighbors; read in place (kept by the model for
   *     {@link UmapModel#transform} when no PCA is applied, so do not modify it afterwards)
   * @return the fitted model holding the n x nComponents embedding and its {@link
   *     UmapModel#provenance() provenance} (these settings, the seed, x's shape and origin, the
   *     fit time)
   * @throws IllegalArgumentException when x has no rows, a NaN or infinite value, fewer rows
   *     than nNeighbors, or fewer columns than nComponents when PCA initialisation needs them
   */
  public UmapModel fit(FloatMatrix x) {
    Objects.requireNonNull(x, "x");
    if (x.rows() == 0 || x.cols() == 0) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "x must have at least one row and one column, got %d x %d", x.rows(), x.cols()));
    }
    if (nNeighbors > x.rows()) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "nNeighbors must be <= the number of rows (%d), got %d", x.rows(), nNeighbors));
    }
    x.requireFinite("x");
    return new UmapFitter(this).fit(x, System.nanoTime());
  }

  /** @return the number of neighbours, the point itself included */
  public int nNeighbors() {
    return nNeighbors;
  }

  /** @return the output dimension */
  public int nComponents() {
    return nComponents;
  }

  /** @return the input metric */
  public Metric metric() {
    return metric;
  }

  /**
   * @param nRows the number of rows to fit
   * @return the number of epochs: as set, or uwot's 500 for at most 10000 rows and 200 above
   */
  public int nEpochs(int nRows) {
    return nEpochs >= 0 ? nEpochs : (nRows <= 10_000 ? 500 : 200);
  }

  /** @return the initial learning rate */
  public double learningRate() {
    return learningRate;
  }

  /** @return the initialisation */
  public Init init() {
    return init;
  }

  /** @return the minimum distance */
  public double minDist() {
    return minDist;
  }

  /** @return the spread */
  public double spread() {
    return spread;
  }

  /** @return the curve parameter a (fitted from spread and minDist unless set) */
  public double a() {
    return a;
  }

  /** @return the curve parameter b (fitted from spread and minDist unless set) */
  public double b() {
    return b;
  }

  /** @return the PCA dimension before the neighbour search, 0 for none */
  public int pca() {
    return pca;
  }

  /** @return the seed */
  public long seed() {
    return seed;
  }

  /**
   * @return threads for the PCA, neighbour search, calibration and spectral initialisation of the
   *     fit; a runtime setting, not saved with the model (a loaded model's settings report the
   *     builder's default) and not used by {@link UmapModel#transform(FloatMatrix, int)}, whose
   *     caller chooses its threads
   */
  public int threads() {
    return threads;
  }

  /**
   * @return threads for the SGD of the fit (1 = reproducible); like {@link #threads()}, not saved
   *     (a loaded model reports 1)
   */
  public int sgdThreads() {
    return sgdThreads;
  }

  /**
   * @return for example {@code Umap[nNeighbors=15, nComponents=2, minDist=0.001, ...]}; the
   *     runtime settings (threads, sgdThreads, verbose), which are not saved, are left out
   */
  @Override
  public String toString() {
    return String.format(Locale.ROOT,
        "Umap[nNeighbors=%d, nComponents=%d, metric=%s, nEpochs=%s, learningRate=%s, init=%s, "
            + "spread=%s, minDist=%s, a=%.4f, b=%.4f, pca=%s, seed=%d]",
        nNeighbors, nComponents, metric, nEpochs < 0 ? "auto" : Integer.toString(nEpochs),
        learningRate, init, spread, minDist, a, b, pca == 0 ? "none" : Integer.toString(pca), seed);
  }

  /** Settings of {@link Umap} with uwot's defaults; checked in {@link #build()}. */
  public static final class Builder {
    private int nNeighbors = 15;
    private int nComponents = 2;
    private Metric metric = Metric.EUCLIDEAN;
    private int nEpochs = -1;
    private double learningRate = 1.0;
    private Init init = Init.SPECTRAL;
    private double spread = 1.0;
    private double minDist = 0.01;
    private double setOpMixRatio = 1.0;
    private double localConnectivity = 1.0;
    private double bandwidth = 1.0;
    private double repulsionStrength = 1.0;
    private double negativeSampleRate = 5.0;
    private double a = Double.NaN;
    private double b = Double.NaN;
    private int pca = 0;
    private NeighborMethod neighborMethod = NeighborMethod.AUTO;
    private long seed = 123L;
    private int threads = Workers.defaultThreads();
    private int sgdThreads = 1;
    private boolean verbose = false;
    private boolean nEpochsSet;
    private boolean pcaSet;

    private Builder() {}

    /**
     * @param v neighbours per point including itself, at least 2 (default 15)
     * @return this
     */
    public Builder nNeighbors(int v) {
      nNeighbors = v;
      return this;
    }

    /**
     * @param v output dimension, at least 1 (default 2)
     * @return this
     */
    public Builder nComponents(int v) {
      nComponents = v;
      return this;
    }

    /**
     * @param v input distance (default EUCLIDEAN)
     * @return this
     */
    public Builder metric(Metric v) {
      metric = Objects.requireNonNull(v, "metric");
      return this;
    }

    /**
     * @param v epochs of SGD, at least 0 (0 returns the initial coordinates); default: 500 for
     *     at most 10000 rows, 200 above
     * @return this
     */
    public Builder nEpochs(int v) {
      nEpochs = v;
      nEpochsSet = true;
      return this;
    }

    /**
     * @param v initial SGD learning rate, &gt; 0 (default 1)
     * @return this
     */
    public Builder learningRate(double v) {
      learningRate = v;
      return this;
    }

    /**
     * @param v initialisation (default SPECTRAL)
     * @return this
     */
    public Builder init(Init v) {
      init = Objects.requireNonNull(v, "init");
      return this;
    }

    /**
     * @param v scale of embedded distances, &gt; 0 (default 1)
     * @return this
     */
    public Builder spread(double v) {
      spread = v;
      return this;
    }

    /**
     * @param v minimum embedded distance, in [0, spread] (default 0.01)
     * @return this
     */
    public Builder minDist(double v) {
      minDist = v;
      return this;
    }

    /**
     * @param v fuzzy union (1) to intersection (0) mix, in [0, 1] (default 1)
     * @return this
     */
    public Builder setOpMixRatio(double v) {
      setOpMixRatio = v;
      return this;
    }

    /**
     * @param v neighbours assumed connected, &gt;= 1 (default 1)
     * @return this
     */
    public Builder localConnectivity(double v) {
      localConnectivity = v;
      return this;
    }

    /**
     * @param v bandwidth of the kernel, multiplies log2(k), &gt; 0 (default 1)
     * @return this
     */
    public Builder bandwidth(double v) {
      bandwidth = v;
      return this;
    }

    /**
     * @param v weight of negative samples (gamma), &gt;= 0 (default 1)
     * @return this
     */
    public Builder repulsionStrength(double v) {
      repulsionStrength = v;
      return this;
    }

    /**
     * @param v negative samples per positive sample, &gt; 0 (default 5)
     * @return this
     */
    public Builder negativeSampleRate(double v) {
      negativeSampleRate = v;
      return this;
    }

    /**
     * Sets a and b directly instead of fitting them from spread and minDist.
     *
     * @param a curve parameter a, &gt; 0
     * @param b curve parameter b, &gt; 0
     * @return this
     */
    public Builder ab(double a, double b) {
      this.a = a;
      this.b = b;
      return this;
    }

    /**
     * @param v reduce the input to this many centred principal components before the neighbour
     *     search (uwot's {@code pca}), at least nComponents; skipped when the input has no more
     *     columns than this
     * @return this
     */
    public Builder pca(int v) {
      pca = v;
      pcaSet = true;
      return this;
    }

    /**
     * @param v neighbour search (default AUTO)
     * @return this
     */
    public Builder neighborMethod(NeighborMethod v) {
      neighborMethod = Objects.requireNonNull(v, "neighborMethod");
      return this;
    }

    /**
     * @param v seed of every random choice (default 123)
     * @return this
     */
    public Builder seed(long v) {
      seed = v;
      return this;
    }

    /**
     * @param v threads for PCA, neighbour search, calibration and initialisation, at least 1
     *     (default: available processors); results do not depend on it; not saved with the model
     * @return this
     */
    public Builder threads(int v) {
      threads = v;
      return this;
    }

    /**
     * @param v threads for the SGD, at least 1 (default 1: fully reproducible; more threads update
     *     coordinates without locks like uwot's n_sgd_threads, and results vary between runs)
     * @return this
     */
    public Builder sgdThreads(int v) {
      sgdThreads = v;
      return this;
    }

    /**
     * @param v report each phase on stderr, like uwot's verbose output (default false)
     * @return this
     */
    public Builder verbose(boolean v) {
      verbose = v;
      return this;
    }

    /**
     * @return the configured UMAP (a and b fitted here unless set)
     * @throws IllegalArgumentException naming the first setting out of range
     */
    public Umap build() {
      if (nNeighbors < 2) {
        throw new IllegalArgumentException("nNeighbors must be >= 2, got " + nNeighbors);
      }
      if (nComponents < 1) {
        throw new IllegalArgumentException("nComponents must be >= 1, got " + nComponents);
      }
      if (nEpochsSet && nEpochs < 0) {
        throw new IllegalArgumentException("nEpochs must be >= 0, got " + nEpochs);
      }
      if (pcaSet && pca < 1) {
        throw new IllegalArgumentException("pca must be >= 1, got " + pca);
      }
      positive("learningRate", learningRate);
      positive("spread", spread);
      if (!(minDist >= 0) || minDist > spread) {
        throw new IllegalArgumentException(String.format(Locale.ROOT,
            "minDist must be in [0, spread = %s], got %s", spread, minDist));
      }
      if (!(setOpMixRatio >= 0 && setOpMixRatio <= 1)) {
        throw new IllegalArgumentException("setOpMixRatio must be in [0, 1], got " + setOpMixRatio);
      }
      if (!(localConnectivity >= 1) || Double.isInfinite(localConnectivity)) {
        throw new IllegalArgumentException(
            "localConnectivity must be >= 1 and finite, got " + localConnectivity);
      }
      positive("bandwidth", bandwidth);
      if (!(repulsionStrength >= 0) || Double.isInfinite(repulsionStrength)) {
        throw new IllegalArgumentException(
            "repulsionStrength must be >= 0 and finite, got " + repulsionStrength);
      }
      positive("negativeSampleRate", negativeSampleRate);
      if (pca != 0 && pca < nComponents) {
        throw new IllegalArgumentException(String.format(Locale.ROOT,
            "pca must be >= nComponents = %d, got %d", nComponents, pca));
      }
      if (threads < 1) {
        throw new IllegalArgumentException("threads must be >= 1, got " + threads);
      }
      if (sgdThreads < 1) {
        throw new IllegalArgumentException("sgdThreads must be >= 1, got " + sgdThreads);
      }
      CurveParameters curve;
      if (Double.isNaN(a) && Double.isNaN(b)) {
        curve = CurveParameters.fit(spread, minDist);
      } else {
        positive("a", a);
        positive("b", b);
        curve = new CurveParameters(a, b);
      }
      return new Umap(this, curve);
    }

    private static void positive(String name, double v) {
      if (!(v > 0) || Double.isInfinite(v)) {
        throw new IllegalArgumentException(name + " must be > 0 and finite, got " + v);
      }
    }
  }
}
