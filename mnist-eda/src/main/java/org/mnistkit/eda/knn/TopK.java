package org.mnistkit.eda.knn;

import java.util.Arrays;

/**
 * The k smallest distances seen so far, kept sorted (insertion into a small array: k is 15 to 30
 * here, where this beats a heap). Ties keep the earlier candidate first. Not thread-safe; one per
 * thread, reused with {@link #clear()}.
 */
final class TopK {

  private final int k;
  private final int[] index;
  private final double[] dist;
  private int size;

  TopK(int k) {
    this.k = k;
    this.index = new int[k];
    this.dist = new double[k];
  }

  void clear() {
    size = 0;
  }

  /** @return the largest kept distance, or +infinity while fewer than k are kept */
  double bound() {
    return size < k ? Double.POSITIVE_INFINITY : dist[k - 1];
  }

  /** Offers a candidate; kept when it is among the k smallest (strictly below the bound). */
  void offer(int j, double d) {
    if (k == 0) {
      return;
    }
    if (size == k && !(d < dist[k - 1])) {
      return;
    }
    int pos = size < k ? size++ : k - 1;
    while (pos > 0 && dist[pos - 1] > d) {
      dist[pos] = dist[pos - 1];
      index[pos] = index[pos - 1];
      pos--;
    }
    dist[pos] = d;
    index[pos] = j;
  }

  int size() {
    return size;
  }

  /** Copies the kept neighbours into row i of the output; missing ones are -1 / +inf. */
  void copyTo(int[] outIndex, float[] outDist, int offset, int count, boolean sqrt) {
    for (int r = 0; r < count; r++) {
      if (r < size) {
        outIndex[offset + r] = index[r];
        outDist[offset + r] = (float) (sqrt ? Math.sqrt(dist[r]) : dist[r]);
      } else {
        outIndex[offset + r] = -1;
        outDist[offset + r] = Float.POSITIVE_INFINITY;
      }
    }
  }

  @Override
  public String toString() {
    return Arrays.toString(Arrays.copyOf(index, size));
  }
}
