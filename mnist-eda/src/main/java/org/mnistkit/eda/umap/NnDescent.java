package org.mnistkit.eda.umap;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.mnistkit.core.concurrent.Workers;
import org.mnistkit.core.tensor.FloatMatrix;
import org.mnistkit.eda.knn.KnnGraph;
import org.mnistkit.eda.knn.Metric;

/**
 * Approximate k nearest neighbours by NN-descent (Dong, Moses and Li 2011, "Efficient k-nearest
 * neighbor graph construction for generic similarity measures") started from a forest of random
 * projection trees, the scheme of pynndescent (L. McInnes) that umap-learn uses; uwot uses Annoy
 * (also random projection trees) by default, or NN-descent via rnndescent. Written from the papers
 * and from reading pynndescent; details here:
 *
 * <ul>
 *   <li>each point keeps a bounded max-heap of its k nearest (distance, index) pairs; a pair
 *       enters when it is smaller than the largest kept one and not yet present, so the final
 *       content is the k smallest of everything offered, whatever the order of offers;
 *   <li>initialisation: {@code trees} random projection trees (split by the hyperplane halfway
 *       between two random points, leaves of at most {@code leafSize} points); all pairs in a leaf
 *       are offered; points left with empty slots get random neighbours;
 *   <li>each round samples up to {@code maxCandidates} "new" and "old" candidates per point from
 *       its neighbours and reverse neighbours (random priorities from a hash of seed, round and
 *       pair), compares every new candidate with every other candidate, and offers the results to
 *       both points; it stops when fewer than {@code delta * n * k} heap entries change or after
 *       {@code maxRounds} rounds;
 *   <li>parallel and thread-count independent: distances for a block of points are computed in
 *       parallel against the bounds at the start of the block, and the offers are applied per
 *       target point (each heap by one thread); since heap content does not depend on offer order,
 *       the graph is the same for any number of threads.
 * </ul>
 *
 * Euclidean search uses squared distances internally; cosine works on unit-normalised rows.
 */
final class NnDescent {

  private static final int BLOCK = 4096;

  private final float[] x;
  private final int n;
  private final int d;
  private final int k;
  private final Metric metric;
  private final long seed;
  private final Workers workers;

  private final NeighborHeaps heaps;

  /** Statistics for the verbose log. */
  int rounds;
  long offers() {
    return heaps.offers;
  }

  NnDescent(FloatMatrix data, int k, Metric metric, long seed, Workers workers) {
    this.n = data.rows();
    this.d = data.cols();
    this.k = k;
    this.metric = metric;
    this.seed = seed;
    this.workers = workers;
    this.x = metric == Metric.COSINE ? normalised(data) : data.data();
    this.heaps = new NeighborHeaps(n, k, workers);
  }

  /**
   * Runs the search.
   *
   * @param trees number of random projection trees, at least 1
   * @param leafSize largest leaf, at least 2
   * @param maxCandidates candidates sampled per point and round
   * @param maxRounds most NN-descent rounds
   * @param delta stop when fewer than delta * n * k entries change in a round
   * @return the graph of the k nearest other points (self excluded), distances in the metric's
   *     scale, nearest first
   */
  KnnGraph run(int trees, int leafSize, int maxCandidates, int maxRounds, double delta) {
    initialiseFromTrees(trees, leafSize);
    fillRandom();
    for (int round = 0; round < maxRounds; round++) {
      long changes = descend(round, maxCandidates);
      rounds = round + 1;
      if (changes < delta * n * k) {
        break;
      }
    }
    return heaps.sortedGraph(metric);
  }

  // ---------------------------------------------------------------- initialisation

  private void initialiseFromTrees(int trees, int leafSize) {
    int[][][] forest = new int[trees][][];
    workers.forChunks(trees, trees, (t, from, to) -> {
      SplittableRandom random = new SplittableRandom(Seeds.mix(seed, 0x7EE5L, t, 0));
      java.util.List<int[]> leaves = new java.util.ArrayList<>();
      int[] all = new int[n];
      for (int i = 0; i < n; i++) {
        all[i] = i;
      }
      split(all, 0, n, leafSize, random, leaves, new double[d]);
      forest[t] = leaves.toArray(new int[0][]);
    });
    for (int[][] leaves : forest) {
      int count = leaves.length;
      for (int from = 0; from < count; from += BLOCK / 8) {
        int start = from;
        int end = Math.min(count, from + BLOCK / 8);
        heaps.applyInParallel(end - start, (chunk, lo, hi, sink) -> {
          for (int l = start + lo; l < start + hi; l++) {
            int[] leaf = leaves[l];
            for (int a = 0; a < leaf.length; a++) {
              for (int b = a + 1; b < leaf.length; b++) {
                offerPair(leaf[a], leaf[b], sink);
              }
            }
          }
        });
      }
    }
  }

  /** Splits points[from, to) recursively, reordering in place; leaves are copied out. */
  private void split(int[] points, int from, int to, int leafSize, SplittableRandom random,
      java.util.List<int[]> leaves, double[] normal) {
    int size = to - from;
    if (size <= leafSize) {
      leaves.add(Arrays.copyOfRange(points, from, to));
      return;
    }
    int p = points[from + random.nextInt(size)];
    int q = points[from + random.nextInt(size)];
    for (int tries = 0; tries < 3 && q == p; tries++) {
      q = points[from + random.nextInt(size)];
    }
    double offset = 0.0;
    for (int j = 0; j < d; j++) {
      double a = x[p * d + j];
      double b = x[q * d + j];
      normal[j] = a - b;
      offset -= normal[j] * (a + b) / 2.0;
    }
    int lo = from;
    int hi = to - 1;
    while (lo <= hi) {
      int i = points[lo];
      double margin = offset;
      for (int j = 0; j < d; j++) {
        margin += normal[j] * x[i * d + j];
      }
      boolean left = margin > 0 || (margin == 0 && random.nextBoolean());
      if (left) {
        lo++;
      } else {
        points[lo] = points[hi];
        points[hi] = i;
        hi--;
      }
    }
    int mid = lo;
    if (mid == from || mid == to) {
      // degenerate split (duplicates): halve at random
      for (int i = to - 1; i > from; i--) {
        int j = from + random.nextInt(i - from + 1);
        int t = points[i];
        points[i] = points[j];
        points[j] = t;
      }
      mid = from + size / 2;
    }
    split(points, from, mid, leafSize, random, leaves, normal);
    split(points, mid, to, leafSize, random, leaves, normal);
  }

  /** Gives points with empty heap slots random neighbours (deterministic per point). */
  private void fillRandom() {
    heaps.applyInParallel(n, (chunk, lo, hi, sink) -> {
      for (int i = lo; i < hi; i++) {
        int missing = 0;
        for (int s = 0; s < k; s++) {
          if (heaps.idx[i * k + s] < 0) {
            missing++;
          }
        }
        if (missing == 0) {
          continue;
        }
        SplittableRandom random = new SplittableRandom(Seeds.mix(seed, 0xF111L, i, 0));
        for (int t = 0; t < 3 * missing + 3; t++) {
          int j = random.nextInt(n);
          if (j != i) {
            sink.offer(i, j, distance(i, j));
          }
        }
      }
    });
  }

  // ---------------------------------------------------------------- NN-descent rounds

  private long descend(int round, int maxCandidates) {
    int[] newCand = new int[n * maxCandidates];
    int[] oldCand = new int[n * maxCandidates];
    float[] newPri = new float[n * maxCandidates];
    float[] oldPri = new float[n * maxCandidates];
    int[] newCount = new int[n];
    int[] oldCount = new int[n];
    for (int i = 0; i < n; i++) {
      for (int s = 0; s < k; s++) {
        int j = heaps.idx[i * k + s];
        if (j < 0) {
          continue;
        }
        float pri = priority(round, i, j);
        if (heaps.isNew[i * k + s]) {
          addCandidate(newCand, newPri, newCount, i, j, pri, maxCandidates);
          addCandidate(newCand, newPri, newCount, j, i, pri, maxCandidates);
        } else {
          addCandidate(oldCand, oldPri, oldCount, i, j, pri, maxCandidates);
          addCandidate(oldCand, oldPri, oldCount, j, i, pri, maxCandidates);
        }
      }
    }
    // entries sampled as new candidates become old
    for (int i = 0; i < n; i++) {
      for (int s = 0; s < k; s++) {
        if (heaps.isNew[i * k + s]) {
          int j = heaps.idx[i * k + s];
          for (int c = 0; c < newCount[i]; c++) {
            if (newCand[i * maxCandidates + c] == j) {
              heaps.isNew[i * k + s] = false;
              break;
            }
          }
        }
      }
    }
    long changes = 0;
    for (int from = 0; from < n; from += BLOCK) {
      int start = from;
      int end = Math.min(n, from + BLOCK);
      changes += heaps.applyInParallel(end - start, (chunk, lo, hi, sink) -> {
        for (int i = start + lo; i < start + hi; i++) {
          int nb = i * maxCandidates;
          int nNew = newCount[i];
          int nOld = oldCount[i];
          for (int a = 0; a < nNew; a++) {
            int p = newCand[nb + a];
            for (int b = a + 1; b < nNew; b++) {
              int q = newCand[nb + b];
              if (p != q) {
                offerPair(p, q, sink);
              }
            }
            for (int b = 0; b < nOld; b++) {
              int q = oldCand[nb + b];
              if (p != q) {
                offerPair(p, q, sink);
              }
            }
          }
        }
      });
    }
    return changes;
  }

  private void offerPair(int p, int q, NeighborHeaps.Sink sink) {
    float bp = heaps.bound(p);
    float bq = heaps.bound(q);
    float dist = distance(p, q);
    if (dist < bp) {
      sink.offer(p, q, dist);
    }
    if (dist < bq) {
      sink.offer(q, p, dist);
    }
  }

  private static void addCandidate(int[] cand, float[] pri, int[] count, int i, int j, float p,
      int max) {
    int base = i * max;
    int c = count[i];
    for (int t = 0; t < c; t++) {
      if (cand[base + t] == j) {
        return;
      }
    }
    if (c < max) {
      cand[base + c] = j;
      pri[base + c] = p;
      count[i] = c + 1;
      return;
    }
    int worst = 0;
    for (int t = 1; t < max; t++) {
      if (pri[base + t] > pri[base + worst]) {
        worst = t;
      }
    }
    if (p < pri[base + worst]) {
      cand[base + worst] = j;
      pri[base + worst] = p;
    }
  }

  private float priority(int round, int i, int j) {
    long h = Seeds.mix(seed, round, Math.min(i, j), Math.max(i, j));
    return (h >>> 40) / (float) (1L << 24);
  }

  // ---------------------------------------------------------------- distances

  private float distance(int p, int q) {
    if (metric == Metric.MANHATTAN) {
      return (float) Metric.MANHATTAN.distance(x, p * d, x, q * d, d);
    }
    return (float) Metric.squaredEuclidean(x, p * d, x, q * d, d);
  }

  private static float[] normalised(FloatMatrix data) {
    int n = data.rows();
    int d = data.cols();
    float[] a = data.data();
    float[] out = new float[n * d];
    for (int i = 0; i < n; i++) {
      double s = 0.0;
      for (int j = 0; j < d; j++) {
        s += (double) a[i * d + j] * a[i * d + j];
      }
      double inv = s > 0 ? 1.0 / Math.sqrt(s) : 0.0;
      for (int j = 0; j < d; j++) {
        out[i * d + j] = (float) (a[i * d + j] * inv);
      }
    }
    return out;
  }


}
