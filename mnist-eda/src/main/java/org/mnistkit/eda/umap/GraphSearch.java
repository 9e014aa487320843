package org.mnistkit.eda.umap;

import java.util.SplittableRandom;
import org.mnistkit.core.concurrent.Workers;
import org.mnistkit.core.tensor.FloatMatrix;
import org.mnistkit.eda.knn.KnnGraph;
import org.mnistkit.eda.knn.Metric;

/**
 * Nearest training points of new rows by a greedy best-first search over the training neighbour
 * graph (as pynndescent queries its graph; uwot queries its Annoy index instead): start from
 * random training points, repeatedly expand the nearest unexpanded candidate's graph neighbours,
 * and keep the best {@code poolSize} until none is left to expand. Deterministic per query.
 */
final class GraphSearch {

  private GraphSearch() {}

  static KnnGraph search(FloatMatrix data, FuzzyGraph graph, FloatMatrix queries, int k,
      Metric metric, long seed, Workers workers) {
    int n = data.rows();
    int d = data.cols();
    int m = queries.rows();
    int pool = Math.min(n, Math.max(2 * k, 32));
    float[] a = data.data();
    float[] q = queries.data();
    int[] outIdx = new int[m * k];
    float[] outDist = new float[m * k];
    workers.forChunks(m, Math.max(1, Math.min(m, 64)), (c, from, to) -> {
      int[] seen = new int[n];
      int[] candIdx = new int[pool];
      double[] candDist = new double[pool];
      boolean[] expanded = new boolean[pool];
      for (int i = from; i < to; i++) {
        int stamp = i + 1;
        int size = 0;
        SplittableRandom random = new SplittableRandom(Seeds.mix(seed, 0x5EA7C4L, i, 0));
        for (int t = 0; t < pool; t++) {
          int j = random.nextInt(n);
          if (seen[j] == stamp) {
            continue;
          }
          seen[j] = stamp;
          size = insert(candIdx, candDist, expanded, size, pool, j,
              metric.distance(q, i * d, a, j * d, d));
        }
        while (true) {
          int best = -1;
          for (int t = 0; t < size; t++) {
            if (!expanded[t]) {
              best = t;
              break;
            }
          }
          if (best < 0) {
            break;
          }
          expanded[best] = true;
          int node = candIdx[best];
          for (int e = graph.rowStart[node]; e < graph.rowStart[node + 1]; e++) {
            int j = graph.cols[e];
            if (seen[j] == stamp) {
              continue;
            }
            seen[j] = stamp;
            double dj = metric.distance(q, i * d, a, j * d, d);
            if (size < pool || dj < candDist[size - 1]) {
              size = insert(candIdx, candDist, expanded, size, pool, j, dj);
            }
          }
        }
        for (int r = 0; r < k; r++) {
          outIdx[i * k + r] = r < size ? candIdx[r] : -1;
          outDist[i * k + r] = r < size ? (float) candDist[r] : Float.POSITIVE_INFINITY;
        }
      }
    });
    return new KnnGraph(m, k, outIdx, outDist);
  }

  /** Inserts into the sorted pool (dropping the last when full); returns the new size. */
  private static int insert(int[] idx, double[] dist, boolean[] expanded, int size, int cap, int j,
      double dj) {
    if (size == cap && !(dj < dist[size - 1])) {
      return size;
    }
    int pos = size < cap ? size++ : cap - 1;
    while (pos > 0 && dist[pos - 1] > dj) {
      idx[pos] = idx[pos - 1];
      dist[pos] = dist[pos - 1];
      expanded[pos] = expanded[pos - 1];
      pos--;
    }
    idx[pos] = j;
    dist[pos] = dj;
    expanded[pos] = false;
    return size;
  }
}
