package org.mnistkit.eda.umap;

import java.util.Arrays;
import org.mnistkit.core.concurrent.Workers;
import org.mnistkit.eda.knn.KnnGraph;
import org.mnistkit.eda.knn.Metric;

/**
 * The k-nearest-neighbour heaps of NN-descent (see {@link NnDescent}): for each of n points a
 * bounded max-heap of (distance, index) pairs with a "new" flag per entry. A pair enters when it
 * is smaller than the root (ties by index) and not yet present, so the final content is the k
 * smallest of everything offered, in any order. Offers are produced in parallel into per-chunk,
 * per-partition buffers and then applied with one thread per partition of target points, which
 * makes the result independent of the number of threads.
 */
final class NeighborHeaps {

  private static final int PARTITIONS = 16;

  final int n;
  final int k;
  // row i at [i * k, (i + 1) * k), max at the root
  final int[] idx;
  final float[] dist;
  final boolean[] isNew;
  private final Workers workers;

  /** Offers made so far, for the verbose log. */
  long offers;

  NeighborHeaps(int n, int k, Workers workers) {
    this.n = n;
    this.k = k;
    this.workers = workers;
    idx = new int[n * k];
    dist = new float[n * k];
    isNew = new boolean[n * k];
    Arrays.fill(idx, -1);
    Arrays.fill(dist, Float.POSITIVE_INFINITY);
  }

  /** @return the largest distance kept for point i (+infinity while a slot is empty) */
  float bound(int i) {
    return dist[i * k];
  }

  /** Collects offers (target, other, distance) in per-partition buffers of one chunk. */
  interface Sink {
    void offer(int target, int other, float dist);
  }

  interface Task {
    void run(int chunk, int from, int to, Sink sink);
  }

  /**
   * Runs task over [0, count) in parallel chunks, each writing its offers to its own buffers, then
   * applies the offers with one thread per partition of target points.
   *
   * @return the number of heap entries changed
   */
  long applyInParallel(int count, Task task) {
    int chunks = Math.max(1, Math.min(count, 4 * PARTITIONS));
    OfferBuffer[][] buffers = new OfferBuffer[chunks][PARTITIONS];
    long[] offered = new long[chunks];
    workers.forChunks(count, chunks, (c, from, to) -> {
      OfferBuffer[] mine = buffers[c];
      for (int p = 0; p < PARTITIONS; p++) {
        mine[p] = new OfferBuffer();
      }
      long[] offersHere = {0};
      task.run(c, from, to, (target, other, dist) -> {
        mine[(int) ((long) target * PARTITIONS / n)].add(target, other, dist);
        offersHere[0]++;
      });
      offered[c] = offersHere[0];
    });
    for (long o : offered) {
      offers += o;
    }
    long[] changed = new long[PARTITIONS];
    workers.forChunks(PARTITIONS, PARTITIONS, (p, from, to) -> {
      long ch = 0;
      for (int c = 0; c < chunks; c++) {
        OfferBuffer b = buffers[c][p];
        for (int t = 0; t < b.size; t++) {
          if (push(b.target[t], b.other[t], b.dist[t])) {
            ch++;
          }
        }
      }
      changed[p] = ch;
    });
    long total = 0;
    for (long c : changed) {
      total += c;
    }
    return total;
  }

  /** Pushes (dist, j) into i's heap when smaller than its root and not present. */
  private boolean push(int i, int j, float d) {
    int base = i * k;
    if (!less(d, j, dist[base], idx[base])) {
      return false;
    }
    for (int s = 0; s < k; s++) {
      if (idx[base + s] == j) {
        return false;
      }
    }
    // replace the root and sift down
    int pos = 0;
    while (true) {
      int left = 2 * pos + 1;
      if (left >= k) {
        break;
      }
      int right = left + 1;
      int child = left;
      if (right < k && less(dist[base + left], idx[base + left],
          dist[base + right], idx[base + right])) {
        child = right;
      }
      if (!less(d, j, dist[base + child], idx[base + child])) {
        break;
      }
      dist[base + pos] = dist[base + child];
      idx[base + pos] = idx[base + child];
      isNew[base + pos] = isNew[base + child];
      pos = child;
    }
    dist[base + pos] = d;
    idx[base + pos] = j;
    isNew[base + pos] = true;
    return true;
  }

  /** Order by distance, then index; an empty slot (-1, +inf) is largest. */
  private static boolean less(float d1, int i1, float d2, int i2) {
    if (d1 != d2) {
      return d1 < d2;
    }
    return (i1 & 0xFFFFFFFFL) < (i2 & 0xFFFFFFFFL);
  }

  /** @return the heaps sorted, nearest first; squared distances mapped back to the metric */
  KnnGraph sortedGraph(Metric metric) {
    int[] outIdx = new int[n * k];
    float[] outDist = new float[n * k];
    boolean sqrt = metric == Metric.EUCLIDEAN || metric == Metric.COSINE;
    workers.forChunks(n, Math.max(1, Math.min(n, 64)), (c, from, to) -> {
      long[] keys = new long[k];
      for (int i = from; i < to; i++) {
        for (int s = 0; s < k; s++) {
          keys[s] = ((long) Float.floatToIntBits(dist[i * k + s]) << 32)
              | (idx[i * k + s] & 0xFFFFFFFFL);
        }
        Arrays.sort(keys);
        for (int s = 0; s < k; s++) {
          outIdx[i * k + s] = (int) keys[s];
          float dd = Float.intBitsToFloat((int) (keys[s] >>> 32));
          if (metric == Metric.COSINE) {
            dd = dd / 2f; // |a - b|^2 / 2 = 1 - cos for unit vectors
          } else if (sqrt) {
            dd = (float) Math.sqrt(dd);
          }
          outDist[i * k + s] = dd;
        }
      }
    });
    return new KnnGraph(n, k, outIdx, outDist);
  }

  /** Growable parallel arrays of offers. */
  private static final class OfferBuffer {
    int[] target = new int[256];
    int[] other = new int[256];
    float[] dist = new float[256];
    int size;

    void add(int t, int o, float d) {
      if (size == target.length) {
        int cap = size * 2;
        target = Arrays.copyOf(target, cap);
        other = Arrays.copyOf(other, cap);
        dist = Arrays.copyOf(dist, cap);
      }
      target[size] = t;
      other[size] = o;
      dist[size] = d;
      size++;
    }
  }
}
