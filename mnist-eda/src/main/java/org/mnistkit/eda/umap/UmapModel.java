package org.mnistkit.eda.umap;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import org.mnistkit.core.concurrent.Workers;
import org.mnistkit.core.io.FileFormatException;
import org.mnistkit.core.model.Embedding;
import org.mnistkit.core.model.Provenance;
import org.mnistkit.core.tensor.FloatMatrix;
import org.mnistkit.eda.knn.ExactKnn;
import org.mnistkit.eda.knn.KnnGraph;
import org.mnistkit.eda.svd.PcaModel;

/**
 * A fitted UMAP embedding (immutable) that can place new rows, with the settings, seed and data
 * shape it was fitted with and its {@link #provenance()}. Keeps what {@link #transform} needs: the
 * PCA (when used), the searchable training rows (the PCA scores, or a reference to the training
 * matrix itself when no PCA was applied) and the training neighbour graph. An {@link Embedding}:
 * {@link #transform(FloatMatrix, int)} is uwot's {@code umap_transform}, on as many threads as the
 * caller chooses. {@link #save} and {@link #load} keep a model in a versioned binary file (layout
 * in {@code UmapIO}); {@code org.mnistkit.core.model.Models.load} reads one too.
 */
public final class UmapModel implements Embedding {

  private final Umap settings;
  private final int nRows;
  private final int nCols;
  private final FloatMatrix searchData;
  private final PcaModel pca;
  private final KnnGraph neighbors;
  private final FuzzyGraph graph;
  private final FloatMatrix embedding;
  private final int nEpochs;
  private final Provenance provenance;

  UmapModel(Umap settings, int nRows, int nCols, FloatMatrix searchData, PcaModel pca,
      KnnGraph neighbors, FuzzyGraph graph, float[] embedding, int nEpochs,
      Provenance provenance) {
    this.settings = settings;
    this.provenance = Objects.requireNonNull(provenance, "provenance");
    this.nRows = nRows;
    this.nCols = nCols;
    this.searchData = searchData;
    this.pca = pca;
    this.neighbors = neighbors;
    this.graph = graph;
    this.embedding = FloatMatrix.wrap(nRows, settings.nComponents, embedding);
    this.nEpochs = nEpochs;
  }

  /** @return the n x nComponents embedding of the training rows (do not modify) */
  public FloatMatrix embedding() {
    return embedding;
  }

  /**
   * @return the settings this model was fitted with, seed included; for a loaded model the
   *     runtime settings {@link Umap#threads()}, {@link Umap#sgdThreads()} and verbose are the
   *     builder's defaults, as they are not saved
   */
  public Umap settings() {
    return settings;
  }

  /**
   * @return where the model came from: mnistkit and Java versions, fit time (UTC) and duration,
   *     the training data's shape and origin, the seed, and the settings by uwot's names in camel
   *     case (nNeighbors, nComponents, metric, nEpochs as run, learningRate, init, spread,
   *     minDist, setOpMixRatio, localConnectivity, bandwidth, repulsionStrength,
   *     negativeSampleRate, a, b, pca as "none" or the dimension, neighborMethod; thread counts
   *     and verbose are runtime settings and are not recorded); for a model read from a
   *     version-1 file, {@link Provenance#version1}
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

  /** @return the output dimension, {@code settings().nComponents()} */
  @Override
  public int nComponents() {
    return settings.nComponents;
  }

  /** @return the number of training rows */
  public int nRows() {
    return nRows;
  }

  /** @return the number of input columns */
  public int nCols() {
    return nCols;
  }

  /** @return the number of SGD epochs run */
  public int nEpochs() {
    return nEpochs;
  }

  /** @return the PCA applied before the neighbour search, or null */
  public PcaModel pca() {
    return pca;
  }

  /**
   * @return the training neighbour graph: nNeighbors per row, the row itself first at distance 0
   *     (uwot's {@code ret_nn} layout), distances in the input metric (after PCA when used)
   */
  public KnnGraph neighbors() {
    return neighbors;
  }

  /** @return the rows the neighbours of new rows are searched among (PCA scores or the input) */
  FloatMatrix searchData() {
    return searchData;
  }

  /** @return the fuzzy graph before pruning, searched by {@link GraphSearch} */
  FuzzyGraph graph() {
    return graph;
  }

  /** @return the number of undirected edges of the fuzzy graph before pruning */
  public int graphEdges() {
    return graph.entries() / 2;
  }

  /**
   * Places new rows in the embedding with uwot's {@code umap_transform} semantics: their
   * nNeighbors nearest training rows (after the training PCA; exact below 4096 training rows,
   * otherwise a search of the training neighbour graph), smooth kNN weights with local
   * connectivity reduced by one, a start at the weighted average of the neighbours' coordinates,
   * and {@code max(2, round(nEpochs / 3))} epochs of SGD at a quarter of the learning rate that
   * move only the new points (the training embedding stays fixed; negative samples are training
   * points).
   *
   * <p>The PCA projection, neighbour search and calibration run on {@code threads} threads and
   * give the same result on any number; the SGD of the new points runs on one thread with the
   * model's seed, like a fit with {@code sgdThreads(1)}. So the same model places the same rows
   * at the same coordinates, bit for bit, whatever {@code threads} is, after a save and load too.
   *
   * @param x m x p new rows, p as in training, finite
   * @param threads the most threads to use, at least 1 ({@link #transform(FloatMatrix)} uses all
   *     cores)
   * @return m x nComponents coordinates
   * @throws IllegalArgumentException when the columns differ, a value is not finite, or threads
   *     is below 1
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
    int c = settings.nComponents;
    if (m == 0) {
      return FloatMatrix.zeros(0, c);
    }
    FloatMatrix q = pca == null ? x : pca.transform(x, threads);
    int k = Math.min(settings.nNeighbors, nRows);
    KnnGraph knn;
    try (Workers workers = new Workers(threads)) {
      knn = nRows < Umap.EXACT_BELOW
          ? ExactKnn.search(searchData, q, k, settings.metric, threads)
          : GraphSearch.search(searchData, graph, q, k, settings.metric,
              Seeds.mix(settings.seed, 0x7A45L, m, 0), workers);
      SmoothKnn.Result sk = SmoothKnn.calibrate(knn.distances(), m, k, UmapFitter.log2(k),
          Math.max(0.0, settings.localConnectivity - 1.0), true, workers);
      double[] w = sk.weights();
      float[] train = embedding.data();
      float[] coords = new float[m * c];
      for (int i = 0; i < m; i++) {
        double total = 0.0;
        for (int r = 0; r < k; r++) {
          total += w[i * k + r];
        }
        for (int r = 0; r < k; r++) {
          int j = knn.index(i, r);
          double wr = total > 0 ? w[i * k + r] / total : 1.0 / k;
          for (int d = 0; d < c; d++) {
            coords[i * c + d] += (float) (wr * train[j * c + d]);
          }
        }
      }
      int epochs = Math.max(2, (int) Math.round(nEpochs / 3.0));
      double max = 0.0;
      for (double v : w) {
        max = Math.max(max, v);
      }
      double threshold = max / epochs;
      int count = 0;
      for (double v : w) {
        if (v >= threshold && v > 0) {
          count++;
        }
      }
      int[] head = new int[count];
      int[] tail = new int[count];
      float[] eps = new float[count];
      int e = 0;
      for (int i = 0; i < m; i++) {
        for (int r = 0; r < k; r++) {
          double v = w[i * k + r];
          if (v >= threshold && v > 0) {
            head[e] = i;
            tail[e] = knn.index(i, r);
            eps[e] = (float) (max / v);
            e++;
          }
        }
      }
      LayoutOptimizer.optimize(coords, train, c, nRows, head, tail, eps,
          new LayoutOptimizer.Settings(settings.a, settings.b, settings.repulsionStrength,
              settings.learningRate / 4.0, settings.negativeSampleRate, epochs, false,
              Seeds.mix(settings.seed, 0x7F0EL, m, 1), 1),
          null);
      return FloatMatrix.wrap(m, c, coords);
    }
  }

  /**
   * Writes the model in mnistkit's versioned binary UMAP format (layout in {@code UmapIO}; magic
   * "MKUM", version 2): the provenance, the data shape, every setting that shapes the result (a,
   * b and the seed included; thread counts are runtime settings and are not saved), the PCA when
   * one was applied (its blocks and provenance, as {@link PcaModel#writeTo} writes them), the rows
   * searched for new points (the training matrix itself when no PCA was applied; with PCA they
   * are its scores and not stored twice), the neighbour graph, the fuzzy graph, the embedding and
   * the number of epochs, so the file alone is enough for {@link #transform}. Size: about {@code
   * 4 n (d + 2 nNeighbors + c) + 12 m} bytes plus the PCA's {@code 4 (n + p) k} and under 2 KB of
   * header, provenance and block tags, where d is the search data's columns without PCA (0 with
   * it) and m the fuzzy graph's entries (about 1.3 n nNeighbors). Measured for MNIST with
   * nNeighbors 15 and pca 50: 5.8 MB for 10000 images (2.2 MB PCA, 2.4 MB fuzzy graph, 1.2 MB
   * neighbours) and 34 MB for 60000, written in about 15 and 50 ms and read back in about 30
   * and 40 ms (format version 2, on a shared 2-core machine). Written atomically: a save
   * that fails half-way leaves the file that was there untouched and no temporary file behind.
   *
   * @param file the file to create or replace; its folder is created when missing
   * @throws IOException when writing or moving the file fails; the target is then unchanged
   */
  @Override
  public void save(Path file) throws IOException {
    UmapIO.write(this, file);
  }

  /**
   * Reads a model written by {@link #save}, or by the previous release (format version 1, whose
   * provenance is {@link Provenance#version1} and whose saved thread counts are ignored). The
   * result's {@link #embedding()}, every accessor and the provenance equal the saved model's, and
   * {@link #transform} places the same rows at the same coordinates, bit for bit.
   *
   * @param file a UMAP file
   * @return the model
   * @throws java.nio.file.NoSuchFileException when the file does not exist
   * @throws FileFormatException (an IOException) naming the file when it is not a mnistkit UMAP
   *     file (naming the kind it holds when it is another mnistkit model, a PCA file included),
   *     has an unsupported version, fails its checksum, is truncated, or holds a size, index,
   *     value or setting out of range
   * @throws IOException when reading fails
   */
  public static UmapModel load(Path file) throws IOException {
    return UmapIO.read(file);
  }

  /**
   * @return for example {@code UmapModel[60000 x 784 -> 2, pca 50, 200 epochs, ...]} followed by
   *     the provenance's lines
   */
  @Override
  public String toString() {
    return String.format(Locale.ROOT, "UmapModel[%d x %d -> %d, pca %s, %d epochs, %s]%n%s",
        nRows, nCols, settings.nComponents,
        pca == null ? "none" : Integer.toString(pca.nComponents()), nEpochs, settings, provenance);
  }
}
