package org.mnistkit.eda.knn;

import java.util.Locale;
import java.util.Objects;
import org.mnistkit.core.concurrent.Workers;
import org.mnistkit.core.tensor.FloatMatrix;

/**
 * Exact Euclidean k nearest neighbours with a k-d tree (Friedman, Bentley and Finkel 1977):
 * splits at the median of the widest coordinate down to leaves of at most 16 points, then a
 * depth-first search that visits the nearer child first and prunes by the current k-th distance.
 * Fast for the low-dimensional embeddings (2 or 3 columns) that the quality metrics look at;
 * for many columns use {@link ExactKnn}. Ties are broken arbitrarily but deterministically.
 */
public final class KdTree {

  private static final int LEAF_SIZE = 16;

  private final float[] x;
  private final int d;
  private final int[] order;
  // node arrays: children (-1 for leaves), split dimension and value, and the range of order[]
  private int[] left;
  private int[] right;
  private int[] dim;
  private float[] split;
  private int[] start;
  private int[] end;
  private int nodes;

  private KdTree(FloatMatrix points) {
    this.x = points.data();
    this.d = points.cols();
    int n = points.rows();
    this.order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    int capacity = Math.max(1, 4 * (n / LEAF_SIZE + 1));
    left = new int[capacity];
    right = new int[capacity];
    dim = new int[capacity];
    split = new float[capacity];
    start = new int[capacity];
    end = new int[capacity];
    if (n > 0) {
      build(0, n);
    }
  }

  /**
   * Builds a tree over the rows of a matrix (read in place; must not change while the tree is
   * used).
   *
   * @param points n x d points, finite
   * @return the tree
   */
  public static KdTree build(FloatMatrix points) {
    Objects.requireNonNull(points, "points");
    return new KdTree(points);
  }

  /**
   * The k nearest other points of every point (the point itself excluded; duplicates of it are
   * included at distance 0).
   *
   * @param k neighbours per point, 1..n-1
   * @param threads threads, at least 1
   * @return an n x k graph
   * @throws IllegalArgumentException when k is outside 1..n-1
   */
  public KnnGraph allNeighbors(int k, int threads) {
    int n = order.length;
    if (k < 1 || k > n - 1) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "k must be in 1..%d (the number of points - 1), got %d", n - 1, k));
    }
    int[] idx = new int[n * k];
    float[] dist = new float[n * k];
    try (Workers workers = new Workers(threads)) {
      workers.forChunks(n, Math.max(1, Math.min(n, 64)), (c, from, to) -> {
        TopK top = new TopK(k);
        for (int i = from; i < to; i++) {
          top.clear();
          search(0, i * d, i, top);
          top.copyTo(idx, dist, i * k, k, true);
        }
      });
    }
    return new KnnGraph(n, k, idx, dist);
  }

  private int build(int from, int to) {
    int node = nodes++;
    if (node >= left.length) {
      grow();
    }
    start[node] = from;
    end[node] = to;
    if (to - from <= LEAF_SIZE) {
      left[node] = -1;
      right[node] = -1;
      return node;
    }
    int best = 0;
    float bestSpread = -1f;
    for (int j = 0; j < d; j++) {
      float lo = Float.POSITIVE_INFINITY;
      float hi = Float.NEGATIVE_INFINITY;
      for (int t = from; t < to; t++) {
        float v = x[order[t] * d + j];
        lo = Math.min(lo, v);
        hi = Math.max(hi, v);
      }
      if (hi - lo > bestSpread) {
        bestSpread = hi - lo;
        best = j;
      }
    }
    int mid = (from + to) >>> 1;
    select(from, to - 1, mid, best);
    dim[node] = best;
    split[node] = x[order[mid] * d + best];
    int l = build(from, mid);
    int r = build(mid, to);
    left[node] = l;
    right[node] = r;
    return node;
  }

  /** Quickselect on order[lo..hi] so that position kth holds the kth smallest along dimension j. */
  private void select(int lo, int hi, int kth, int j) {
    while (hi > lo) {
      float pivot = x[order[(lo + hi) >>> 1] * d + j];
      int i = lo;
      int k = hi;
      while (i <= k) {
        while (x[order[i] * d + j] < pivot) {
          i++;
        }
        while (x[order[k] * d + j] > pivot) {
          k--;
        }
        if (i <= k) {
          int t = order[i];
          order[i] = order[k];
          order[k] = t;
          i++;
          k--;
        }
      }
      if (kth <= k) {
        hi = k;
      } else if (kth >= i) {
        lo = i;
      } else {
        return;
      }
    }
  }

  private void search(int node, int qOff, int self, TopK top) {
    if (left[node] < 0) {
      for (int t = start[node]; t < end[node]; t++) {
        int j = order[t];
        if (j != self) {
          top.offer(j, Metric.squaredEuclidean(x, qOff, x, j * d, d));
        }
      }
      return;
    }
    double diff = x[qOff + dim[node]] - split[node];
    int near = diff < 0 ? left[node] : right[node];
    int far = diff < 0 ? right[node] : left[node];
    search(near, qOff, self, top);
    if (diff * diff <= top.bound()) {
      search(far, qOff, self, top);
    }
  }

  private void grow() {
    int cap = left.length * 2;
    left = java.util.Arrays.copyOf(left, cap);
    right = java.util.Arrays.copyOf(right, cap);
    dim = java.util.Arrays.copyOf(dim, cap);
    split = java.util.Arrays.copyOf(split, cap);
    start = java.util.Arrays.copyOf(start, cap);
    end = java.util.Arrays.copyOf(end, cap);
  }
}
