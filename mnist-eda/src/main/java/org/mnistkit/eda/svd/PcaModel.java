package org.mnistkit.eda.svd;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import org.mnistkit.core.concurrent.Workers;
import org.mnistkit.core.io.FileFormatException;
import org.mnistkit.core.io.ModelReader;
import org.mnistkit.core.io.ModelWriter;
import org.mnistkit.core.model.Embedding;
import org.mnistkit.core.model.Provenance;
import org.mnistkit.core.tensor.FloatMatrix;

/**
 * Fitted principal components (immutable): what {@code prcomp_irlba} returns as {@code sdev},
 * {@code rotation}, {@code center}, {@code scale} and {@code x}, plus the settings and data shape
 * it was fitted with and its {@link #provenance()}. Arrays are returned as copies; matrices as
 * they are (do not modify them). An {@link Embedding}: {@link #transform(FloatMatrix, int)} is
 * prcomp's {@code predict}, on as many threads as the caller chooses. {@link #save} and
 * {@link #load} keep a model in a versioned binary file (layout in {@code PcaIO}); {@code
 * org.mnistkit.core.model.Models.load} reads one too.
 */
public final class PcaModel implements Embedding {

  private final Pca settings;
  private final int nRows;
  private final int nCols;
  private final double[] center;
  private final double[] scale;
  private final SvdResult svd;
  private final double totalVariance;
  private final FloatMatrix scores;
  private final Provenance provenance;

  PcaModel(Pca settings, int nRows, int nCols, double[] center, double[] scale, SvdResult svd,
      double totalVariance, Provenance provenance) {
    this.settings = settings;
    this.provenance = Objects.requireNonNull(provenance, "provenance");
    this.nRows = nRows;
    this.nCols = nCols;
    this.center = center == null ? null : center.clone();
    this.scale = scale == null ? null : scale.clone();
    this.svd = svd;
    this.totalVariance = totalVariance;
    double[] d = svd.singularValues();
    int k = d.length;
    float[] u = svd.u().data();
    float[] s = new float[nRows * k];
    for (int i = 0; i < nRows; i++) {
      for (int c = 0; c < k; c++) {
        s[i * k + c] = (float) (u[i * k + c] * d[c]);
      }
    }
    this.scores = FloatMatrix.wrap(nRows, k, s);
  }

  /**
   * @return the settings this model was fitted with (components, centring, scaling, method, tol,
   *     seed); for a loaded model {@link Pca#threads()} is the builder's default, as thread counts
   *     are not saved
   */
  public Pca settings() {
    return settings;
  }

  /**
   * @return where the model came from: mnistkit and Java versions, fit time (UTC) and duration,
   *     the training data's shape and origin, the settings (nComponents, center, scale, method,
   *     tol) and the seed; for a model read from a version-1 file, {@link Provenance#version1}
   */
  @Override
  public Provenance provenance() {
    return provenance;
  }

  /** @return p, the number of columns each row to transform must have (as {@link #nCols()}) */
  @Override
  public int numFeatures() {
    return nCols;
  }

  /** @return the number of training rows n */
  public int nRows() {
    return nRows;
  }

  /** @return the number of columns p */
  public int nCols() {
    return nCols;
  }

  /** @return k, the number of components */
  @Override
  public int nComponents() {
    return svd.rank();
  }

  /** @return the p column centres, or null when not centred */
  public double[] center() {
    return center == null ? null : center.clone();
  }

  /** @return the p column scales (standard deviations), or null when not scaled */
  public double[] scale() {
    return scale == null ? null : scale.clone();
  }

  /** @return the rotation (loadings), p x k, orthonormal columns; prcomp's {@code rotation} */
  public FloatMatrix rotation() {
    return svd.v();
  }

  /** @return the scores of the training rows, n x k, {@code U diag(d)}; prcomp's {@code x} */
  public FloatMatrix scores() {
    return scores;
  }

  /** @return the k standard deviations of the components, {@code d / sqrt(n - 1)}, descending */
  public double[] sdev() {
    double[] d = svd.singularValues();
    double denom = Math.sqrt(Math.max(1, nRows - 1));
    for (int c = 0; c < d.length; c++) {
      d[c] /= denom;
    }
    return d;
  }

  /** @return the total variance of the (centred, scaled) columns, the denominator of the ratios */
  public double totalVariance() {
    return totalVariance;
  }

  /**
   * @return for each component, its share of the total variance ({@code sdev^2 / totalVariance},
   *     summary.prcomp's "Proportion of Variance"), k values in [0, 1]
   */
  public double[] explainedVarianceRatio() {
    double[] s = sdev();
    for (int c = 0; c < s.length; c++) {
      s[c] = s[c] * s[c] / totalVariance;
    }
    return s;
  }

  /** @return the underlying SVD of the centred (scaled) matrix, with its convergence record */
  public SvdResult svd() {
    return svd;
  }

  /**
   * Projects rows onto the components: {@code ((x - center) / scale) rotation}, prcomp's
   * {@code predict}. For the training rows this equals {@link #scores()} up to rounding. Each row
   * is computed alone, in double precision, so the result does not depend on {@code threads}.
   *
   * @param x m x p rows, finite values
   * @param threads the most threads to use, at least 1 ({@link #transform(FloatMatrix)} uses all
   *     cores)
   * @return m x k scores
   * @throws IllegalArgumentException when x has a different number of columns or a non-finite
   *     value, or threads is below 1
   */
  @Override
  public FloatMatrix transform(FloatMatrix x, int threads) {
    Objects.requireNonNull(x, "x");
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be >= 1, got " + threads);
    }
    if (x.cols() != nCols) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "x must have %d columns like the training data, got %d", nCols, x.cols()));
    }
    x.requireFinite("x");
    int m = x.rows();
    int p = nCols;
    int k = nComponents();
    float[] rot = rotation().data();
    float[] a = x.data();
    float[] out = new float[m * k];
    try (Workers workers = new Workers(threads)) {
      workers.forRange(m, (chunk, from, to) -> {
        double[] row = new double[p];
        double[] acc = new double[k];
        for (int i = from; i < to; i++) {
          for (int j = 0; j < p; j++) {
            double v = a[i * p + j];
            if (center != null) {
              v -= center[j];
            }
            if (scale != null) {
              v /= scale[j];
            }
            row[j] = v;
          }
          java.util.Arrays.fill(acc, 0.0);
          for (int j = 0; j < p; j++) {
            double v = row[j];
            int off = j * k;
            for (int c = 0; c < k; c++) {
              acc[c] += v * rot[off + c];
            }
          }
          for (int c = 0; c < k; c++) {
            out[i * k + c] = (float) acc[c];
          }
        }
      });
    }
    return FloatMatrix.wrap(m, k, out);
  }

  /**
   * Writes the model in mnistkit's versioned binary PCA format (layout in {@code PcaIO}; magic
   * "MKPC", version 2): the provenance, the data shape, the settings, the column centres and
   * scales, the SVD (singular values, U, V and its convergence record) and the total variance;
   * the scores are recomputed on load. The file takes about {@code 4 (n + p) k + 8 (k + 2p)} bytes
   * plus under 1 KB of header and provenance: 12 MB for 60000 MNIST images and 50 components,
   * almost all of it U. Written atomically: a save that fails half-way leaves the file that was
   * there untouched and no temporary file behind.
   *
   * @param file the file to create or replace; its folder is created when missing
   * @throws IOException when writing or moving the file fails; the target is then unchanged
   */
  @Override
  public void save(Path file) throws IOException {
    PcaIO.write(this, file);
  }

  /**
   * Reads a model written by {@link #save}, or by the previous release (format version 1, whose
   * provenance is {@link Provenance#version1} and whose saved thread count is ignored). Every
   * accessor of the result returns what the saved model's returned, bit for bit, its provenance
   * is equal, and {@link #transform} gives the same output.
   *
   * @param file a PCA file
   * @return the model
   * @throws java.nio.file.NoSuchFileException when the file does not exist
   * @throws FileFormatException (an IOException) naming the file when it is not a mnistkit PCA
   *     file (naming the kind it holds when it is another mnistkit model), has an unsupported
   *     version, fails its checksum, is truncated, or holds a size, value or setting out of range
   * @throws IOException when reading fails
   */
  public static PcaModel load(Path file) throws IOException {
    return PcaIO.read(file);
  }

  /**
   * Writes this model, its provenance included, into another model's file, as {@code
   * UmapModel.save} does for the PCA it applies first; to save a PCA alone use {@link #save}.
   *
   * @param out the file being written, where the PCA's blocks belong
   * @throws IOException when writing fails
   */
  public void writeTo(ModelWriter out) throws IOException {
    PcaIO.writeNested(this, out);
  }

  /**
   * Reads a PCA written by {@link #writeTo}, or the PCA block of a version-1 file.
   *
   * @param in the file being read, positioned where {@link #writeTo} wrote
   * @return the model
   * @throws FileFormatException when the PCA is invalid (see {@link #load})
   * @throws IOException when reading fails
   */
  public static PcaModel readFrom(ModelReader in) throws IOException {
    return PcaIO.readNested(in);
  }

  /**
   * @return for example {@code PcaModel[60000 x 784 -> 50, centred, sdev1=...]} followed by the
   *     provenance's lines
   */
  @Override
  public String toString() {
    return String.format(Locale.ROOT, "PcaModel[%d x %d -> %d, %s%s, sdev1=%.6g, %s]%n%s", nRows,
        nCols, nComponents(), center != null ? "centred" : "not centred",
        scale != null ? ", scaled" : "", sdev()[0], svd, provenance);
  }
}
