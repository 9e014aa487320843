package org.mnistkit.eda.quality;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import org.mnistkit.core.concurrent.Workers;
import org.mnistkit.core.tensor.FloatMatrix;
import org.mnistkit.core.tensor.Sampling;
import org.mnistkit.eda.knn.KdTree;
import org.mnistkit.eda.knn.KnnGraph;
import org.mnistkit.eda.knn.Metric;

/**
 * Numbers that judge an embedding instead of the eye: kNN purity (do a point's neighbours in the
 * embedding share its label?) and trustworthiness (are the embedding's neighbours true
 * neighbours?).
 *
 * <pre>{@code
 * double purity = EmbeddingQuality.knnPurity(embedding, labels);          // k = 15
 * double t = EmbeddingQuality.trustworthiness(x, embedding, 15, 2000, 123);
 * }</pre>
 */
public final class EmbeddingQuality {

  /** The default number of neighbours, as in the peer script. */
  public static final int DEFAULT_K = 15;

  private EmbeddingQuality() {}

  /**
   * kNN purity with k = 15: see {@link #knnPurity(FloatMatrix, int[], int)}.
   *
   * @param embedding n x c coordinates
   * @param labels n labels, each at least 0
   * @return purity in [0, 1]
   */
  public static double knnPurity(FloatMatrix embedding, int[] labels) {
    return knnPurity(embedding, labels, DEFAULT_K);
  }

  /**
   * The share of points whose k nearest neighbours in the embedding (Euclidean, the point itself
   * excluded, exact search with a k-d tree) have the point's own label as their majority label.
   * On a tie the smallest of the tied labels is the majority, as R's
   * {@code which.max(table(r))} decides in the peer script {@code eda_irlba_uwot.R}.
   *
   * @param embedding n x c coordinates, finite; n &gt; k
   * @param labels n labels, each at least 0
   * @param k neighbours per point, 1..n-1
   * @return purity in [0, 1]
   * @throws IllegalArgumentException when the lengths differ, k is out of range, a label is
   *     negative or a coordinate is not finite
   */
  public static double knnPurity(FloatMatrix embedding, int[] labels, int k) {
    return purityCounts(embedding, labels, k).purity;
  }

  /**
   * Per-label kNN purity: for each label, the share of its points whose neighbourhood majority is
   * their own label (same rules as {@link #knnPurity(FloatMatrix, int[], int)}).
   *
   * @param embedding n x c coordinates
   * @param labels n labels, each at least 0
   * @param k neighbours per point, 1..n-1
   * @return one value per label 0..max(labels); NaN for a label with no points
   */
  public static double[] knnPurityByLabel(FloatMatrix embedding, int[] labels, int k) {
    return purityCounts(embedding, labels, k).byLabel;
  }

  private record Purity(double purity, double[] byLabel) {}

  private static Purity purityCounts(FloatMatrix embedding, int[] labels, int k) {
    Objects.requireNonNull(embedding, "embedding");
    Objects.requireNonNull(labels, "labels");
    int n = embedding.rows();
    if (labels.length != n) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "labels has %d values but the embedding has %d rows", labels.length, n));
    }
    if (k < 1 || k > n - 1) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "k must be in 1..%d (rows - 1), got %d", n - 1, k));
    }
    embedding.requireFinite("embedding");
    int numLabels = 0;
    for (int i = 0; i < n; i++) {
      if (labels[i] < 0) {
        throw new IllegalArgumentException(String.format(Locale.ROOT,
            "labels must be >= 0, got %d at %d", labels[i], i));
      }
      numLabels = Math.max(numLabels, labels[i] + 1);
    }
    KnnGraph g = KdTree.build(embedding).allNeighbors(k, Workers.defaultThreads());
    int[] counts = new int[numLabels];
    long[] total = new long[numLabels];
    long[] pure = new long[numLabels];
    for (int i = 0; i < n; i++) {
      Arrays.fill(counts, 0);
      for (int r = 0; r < k; r++) {
        counts[labels[g.index(i, r)]]++;
      }
      int majority = 0;
      for (int c = 1; c < numLabels; c++) {
        if (counts[c] > counts[majority]) {
          majority = c;
        }
      }
      total[labels[i]]++;
      if (majority == labels[i]) {
        pure[labels[i]]++;
      }
    }
    long sumPure = 0;
    double[] byLabel = new double[numLabels];
    for (int c = 0; c < numLabels; c++) {
      sumPure += pure[c];
      byLabel[c] = total[c] == 0 ? Double.NaN : pure[c] / (double) total[c];
    }
    return new Purity(sumPure / (double) n, byLabel);
  }

  /**
   * Trustworthiness of Venna and Kaski (2001), "Neighborhood preservation in nonlinear projection
   * methods: an experimental study", as scikit-learn's {@code manifold.trustworthiness} computes
   * it: {@code T(k) = 1 - 2 / (m k (2m - 3k - 1)) * sum_i sum_{j in U_k(i)} (r(i, j) - k)}, where
   * U_k(i) are the points among i's k nearest in the embedding but not in the original space and
   * r(i, j) is j's rank (1 = nearest) among i's neighbours in the original space. 1 means every
   * embedding neighbour is a true neighbour.
   *
   * <p>Computed on a random sample of m rows (both spaces restricted to the sample; all rows when
   * sampleSize &gt;= n), because the exact value needs all n^2 original distances. Euclidean
   * distances in both spaces; ties in rank are broken by row index.
   *
   * @param original n x p rows, finite
   * @param embedding n x c rows, finite
   * @param k neighbours, 1 &lt;= k &lt; m / 2
   * @param sampleSize m, the number of rows sampled (use n for the exact value)
   * @param seed seed of the sample
   * @return trustworthiness, at most 1
   * @throws IllegalArgumentException when the row counts differ or k is out of range
   */
  public static double trustworthiness(FloatMatrix original, FloatMatrix embedding, int k,
      int sampleSize, long seed) {
    Objects.requireNonNull(original, "original");
    Objects.requireNonNull(embedding, "embedding");
    int n = original.rows();
    if (embedding.rows() != n) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "original has %d rows but the embedding has %d", n, embedding.rows()));
    }
    if (sampleSize < 1) {
      throw new IllegalArgumentException("sampleSize must be >= 1, got " + sampleSize);
    }
    int m = Math.min(n, sampleSize);
    if (k < 1 || 2 * k >= m) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "k must be in 1..%d (below half the %d sampled rows), got %d", (m - 1) / 2, m, k));
    }
    original.requireFinite("original");
    embedding.requireFinite("embedding");
    int[] rows = m == n ? identity(n) : Sampling.sampleWithoutReplacement(n, m, seed);
    Arrays.sort(rows);
    FloatMatrix xs = original.selectRows(rows);
    FloatMatrix es = embedding.selectRows(rows);
    int p = xs.cols();
    int c = es.cols();
    float[] xa = xs.data();
    float[] ea = es.data();
    double[] penalty = new double[m];
    try (Workers workers = new Workers(Workers.defaultThreads())) {
      workers.forChunks(m, Math.max(1, Math.min(m, 64)), (chunk, from, to) -> {
        double[] dx = new double[m];
        double[] de = new double[m];
        Integer[] byX = new Integer[m];
        int[] rank = new int[m];
        Integer[] byE = new Integer[m];
        for (int i = from; i < to; i++) {
          for (int j = 0; j < m; j++) {
            dx[j] = Metric.EUCLIDEAN.distance(xa, i * p, xa, j * p, p);
            de[j] = Metric.EUCLIDEAN.distance(ea, i * c, ea, j * c, c);
            byX[j] = j;
            byE[j] = j;
          }
          dx[i] = -1.0; // the point itself sorts first and has rank 0
          de[i] = -1.0;
          Arrays.sort(byX, (u, v) -> Double.compare(dx[u], dx[v]));
          for (int r = 0; r < m; r++) {
            rank[byX[r]] = r;
          }
          Arrays.sort(byE, (u, v) -> Double.compare(de[u], de[v]));
          double s = 0.0;
          for (int r = 1; r <= k; r++) {
            int j = byE[r];
            if (rank[j] > k) {
              s += rank[j] - k;
            }
          }
          penalty[i] = s;
        }
      });
    }
    double sum = 0.0;
    for (double v : penalty) {
      sum += v;
    }
    return 1.0 - 2.0 / ((double) m * k * (2.0 * m - 3.0 * k - 1.0)) * sum;
  }

  private static int[] identity(int n) {
    int[] r = new int[n];
    for (int i = 0; i < n; i++) {
      r[i] = i;
    }
    return r;
  }
}
