package org.mnistkit.eda.knn;

import java.util.Locale;
import java.util.Objects;
import org.mnistkit.core.concurrent.Workers;
import org.mnistkit.core.tensor.FloatMatrix;

/**
 * Exact k nearest neighbours by comparing every query with every data row, in parallel over
 * queries: O(n m d). What uwot does with FNN for small data (n &lt; 4096) and what the recall of
 * the approximate searches is measured against. Ties are broken by the smaller row index.
 */
public final class ExactKnn {

  private ExactKnn() {}

  /**
   * The k nearest neighbours of every row among all rows, the row itself first (distance 0),
   * as uwot's neighbour graphs hold them.
   *
   * @param x n x d data, finite
   * @param k neighbours per row including the row itself, 1..n
   * @param metric the distance
   * @param threads threads, at least 1
   * @return an n x k graph; {@code index(i, 0) == i}
   * @throws IllegalArgumentException when k is outside 1..n
   */
  public static KnnGraph selfGraph(FloatMatrix x, int k, Metric metric, int threads) {
    Objects.requireNonNull(x, "x");
    int n = x.rows();
    if (k < 1 || k > n) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "k must be in 1..%d (the number of rows), got %d", n, k));
    }
    return search(x, x, k, metric, threads, true);
  }

  /**
   * The k nearest data rows of each query row (a query that is also a data row finds itself).
   *
   * @param data n x d rows to search, finite
   * @param queries m x d rows, finite
   * @param k neighbours per query, 1..n
   * @param metric the distance
   * @param threads threads, at least 1
   * @return an m x k graph of indices into data
   * @throws IllegalArgumentException when the column counts differ or k is outside 1..n
   */
  public static KnnGraph search(FloatMatrix data, FloatMatrix queries, int k, Metric metric,
      int threads) {
    Objects.requireNonNull(data, "data");
    Objects.requireNonNull(queries, "queries");
    if (data.cols() != queries.cols()) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "queries have %d columns but the data has %d", queries.cols(), data.cols()));
    }
    if (k < 1 || k > data.rows()) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "k must be in 1..%d (the number of data rows), got %d", data.rows(), k));
    }
    return search(data, queries, k, metric, threads, false);
  }

  private static KnnGraph search(FloatMatrix data, FloatMatrix queries, int k, Metric metric,
      int threads, boolean self) {
    int n = data.rows();
    int m = queries.rows();
    int d = data.cols();
    float[] a = data.data();
    float[] q = queries.data();
    int[] idx = new int[m * k];
    float[] dist = new float[m * k];
    boolean squared = metric == Metric.EUCLIDEAN;
    try (Workers workers = new Workers(threads)) {
      workers.forChunks(m, Math.max(1, Math.min(m, 64)), (c, from, to) -> {
        TopK top = new TopK(self ? k - 1 : k);
        for (int i = from; i < to; i++) {
          top.clear();
          int qOff = i * d;
          for (int j = 0; j < n; j++) {
            if (self && j == i) {
              continue;
            }
            double dj = squared ? Metric.squaredEuclidean(q, qOff, a, j * d, d)
                : metric.distance(q, qOff, a, j * d, d);
            top.offer(j, dj);
          }
          if (self) {
            idx[i * k] = i;
            dist[i * k] = 0f;
            top.copyTo(idx, dist, i * k + 1, k - 1, squared);
          } else {
            top.copyTo(idx, dist, i * k, k, squared);
          }
        }
      });
    }
    return new KnnGraph(m, k, idx, dist);
  }
}
