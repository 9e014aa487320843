package org.mnistkit.eda.umap;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import org.mnistkit.core.concurrent.Workers;
import org.mnistkit.core.tensor.FloatMatrix;
import org.mnistkit.eda.knn.ExactKnn;
import org.mnistkit.eda.knn.KnnGraph;
import org.mnistkit.eda.svd.PcaModel;

/**
 * A fitted UMAP embedding (immutable) that can place new rows, with the settings, seed and data
 * shape it was fitted with. Keeps what {@link #transform} needs: the PCA (when used), the
 * searchable training rows (the PCA scores, or a reference to the training matrix itself when no
 * PCA was applied) and the training neighbour graph. {@link #save} and {@link #load} keep a model
 * in a versioned binary file.
 */
public final class UmapModel {

  private final Umap settings;
  private final int nRows;
  private final int nCols;
  private final FloatMatrix searchData;
  private final PcaModel pca;
  private final KnnGraph neighbors;
  private final FuzzyGraph graph;
  private final FloatMatrix embedding;
  private final int nEpochs;

  UmapModel(Umap settings, FloatMatrix x, FloatMatrix searchData, PcaModel pca,
      KnnGraph neighbors, FuzzyGraph graph, float[] embedding, int nEpochs) {
    this(settings, x.rows(), x.cols(), searchData, pca, neighbors, graph, embedding, nEpochs);
  }

  UmapModel(Umap settings, int nRows, int nCols, FloatMatrix searchData, PcaModel pca,
      KnnGraph neighbors, FuzzyGraph graph, float[] embedding, int nEpochs) {
    this.settings = settings;
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

  /** @return the settings this model was fitted with, seed included */
  public Umap settings() {
    return settings;
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
   * @param x m x p new rows, p as in training, finite
   * @return m x nComponents coordinates
   * @throws IllegalArgumentException when the columns differ or a value is not finite
   */
  public FloatMatrix transform(FloatMatrix x) {
    Objects.requireNonNull(x, "x");
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
    FloatMatrix q = pca == null ? x : pca.transform(x);
    int k = Math.min(settings.nNeighbors, nRows);
    KnnGraph knn;
    try (Workers workers = new Workers(settings.threads)) {
      knn = nRows < Umap.EXACT_BELOW
          ? ExactKnn.search(searchData, q, k, settings.metric, settings.threads)
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
              Seeds.mix(settings.seed, 0x7F0EL, m, 1), settings.sgdThreads),
          null);
      return FloatMatrix.wrap(m, c, coords);
    }
  }

  /**
   * Writes the model in mnistkit's versioned binary UMAP format (layout in {@code UmapIO}): every
   * setting (a, b, seeds and thread counts included), the data shape, the PCA when one was applied
   * (as {@link PcaModel#save} writes it), the rows searched for new points (the training matrix
   * itself when no PCA was applied; with PCA they are its scores and not stored twice), the
   * neighbour graph, the fuzzy graph, the embedding and the number of epochs, so the file alone
   * is enough for {@link #transform}. Size: about {@code 4 n (d + 2 nNeighbors + c) + 12 m} bytes
   * plus the PCA's {@code 4 (n + p) k}, where d is the search data's columns without PCA (0 with
   * it) and m the fuzzy graph's entries (about 1.3 n nNeighbors). Measured for MNIST with
   * nNeighbors 15 and pca 50: 5.8 MB for 10000 images (2.2 MB PCA, 2.4 MB fuzzy graph, 1.2 MB
   * neighbours) and 34 MB for 60000, written in about 15 and 50 ms. Written atomically: a failed
   * save leaves no partial file.
   *
   * @param file the file to create or replace; its folder is created when missing
   * @throws IOException when writing or moving the file fails; the target is then unchanged
   */
  public void save(Path file) throws IOException {
    UmapIO.write(this, file);
  }

  /**
   * Reads a model written by {@link #save}. The result's {@link #embedding()} and every accessor
   * equal the saved model's bit for bit, and {@link #transform} places the same rows at the same
   * coordinates (it is seeded; with {@code sgdThreads > 1} it varies between runs of either model).
   *
   * @param file a UMAP file
   * @return the model
   * @throws java.nio.file.NoSuchFileException when the file does not exist
   * @throws org.mnistkit.eda.io.EdaFormatException (an IOException) naming the file when it is
   *     not a mnistkit UMAP file (a PCA file included), has an unsupported version, fails its
   *     checksum, is truncated, or holds a size, index or setting out of range
   * @throws IOException when reading fails
   */
  public static UmapModel load(Path file) throws IOException {
    return UmapIO.read(file);
  }

  /** @return for example {@code UmapModel[60000 x 784 -> 2, pca 50, 200 epochs, ...]} */
  @Override
  public String toString() {
    return String.format(Locale.ROOT, "UmapModel[%d x %d -> %d, pca %s, %d epochs, %s]", nRows,
        nCols, settings.nComponents, pca == null ? "none" : Integer.toString(pca.nComponents()),
        nEpochs, settings);
  }
}
