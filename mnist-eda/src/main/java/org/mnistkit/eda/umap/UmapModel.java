package org.mnistkit.eda.umap;

import java.util.Locale;
import java.util.Objects;
import org.mnistkit.core.tensor.FloatMatrix;
import org.mnistkit.eda.Workers;
import org.mnistkit.eda.knn.ExactKnn;
import org.mnistkit.eda.knn.KnnGraph;
import org.mnistkit.eda.svd.PcaModel;

/**
 * A fitted UMAP embedding (immutable) that can place new rows, with the settings, seed and data
 * shape it was fitted with. Keeps what {@link #transform} needs: the PCA (when used), the
 * searchable training rows (the PCA scores, or a reference to the training matrix itself when no
 * PCA was applied) and the training neighbour graph.
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
    this.settings = settings;
    this.nRows = x.rows();
    this.nCols = x.cols();
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

  /** @return for example {@code UmapModel[60000 x 784 -> 2, pca 50, 200 epochs, ...]} */
  @Override
  public String toString() {
    return String.format(Locale.ROOT, "UmapModel[%d x %d -> %d, pca %s, %d epochs, %s]", nRows,
        nCols, settings.nComponents, pca == null ? "none" : Integer.toString(pca.nComponents()),
        nEpochs, settings);
  }
}
