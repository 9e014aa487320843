package org.mnistkit.forest;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * One tree's share of the permutation importance (Breiman 2001, as randomForest computes it with
 * {@code importance = TRUE}): for each feature m used by the tree, the values of m are permuted
 * among the tree's out-of-bag rows and the OOB rows are predicted again; the drop in the number
 * of correct predictions, overall and per true class, is the tree's raw importance of m.
 *
 * <p>Computed without predicting every OOB row once per feature, with the same result: a row's
 * prediction can only change when its path tests feature m, so only those rows are considered,
 * each with its permuted value of m. The permuted value of such a row is that of a partner drawn
 * by a partial Fisher-Yates shuffle of the OOB rows, which gives the same joint distribution as a
 * full permutation restricted to those rows. The prediction is unchanged, and not recomputed,
 * when the permuted value equals the row's own, or when m is tested once on the path and both
 * values go the same way there; otherwise the row is walked down again from the first node that
 * tests m. One instance per worker thread.
 */
final class PermutationImportance {

  /**
   * One tree's counts.
   *
   * @param nOut the number of OOB rows
   * @param nOutClass the number of OOB rows of each class
   * @param features the features whose permutation was tried, ascending
   * @param diffs for the j-th of these features, {@code k + 1} entries from {@code j * (k + 1)}:
   *     correct minus correct-after-permutation over all OOB rows, then per true class
   */
  record Result(int nOut, int[] nOutClass, int[] features, int[] diffs) {}

  private final float[] x;
  private final byte[][] codes;
  private final FeatureBins bins;
  private final int n;
  private final int p;
  private final int k;
  private final int[] y;
  private final int[] seen;
  private final int[] where;
  private final int[] path;
  private final int[] pathNodes;
  private final int[] bucketStart;
  private final int[] pool;
  private final int[] swaps;
  private int[] pairFeature = new int[1024];
  private int[] pairRow = new int[1024];
  private int[] pairNode = new int[1024];
  private int[] bucket = new int[1024];
  private int[] bucketNode = new int[1024];
  private int stamp;

  /**
   * @param x the training data, n x p row-major
   * @param bins the same data recoded, walked instead of x for trees that have a code view
   * @param y class index of each row
   * @param k number of classes
   */
  PermutationImportance(float[] x, FeatureBins bins, int[] y, int k) {
    int n = bins.rows();
    int p = bins.cols();
    this.x = x;
    this.codes = bins.codes();
    this.bins = bins;
    this.n = n;
    this.p = p;
    this.k = k;
    this.y = y;
    this.seen = new int[p];
    Arrays.fill(seen, -1);
    this.path = new int[p];
    this.pathNodes = new int[p];
    this.where = new int[p];
    this.bucketStart = new int[p + 1];
    this.pool = new int[n];
    this.swaps = new int[n];
    for (int i = 0; i < n; i++) {
      pool[i] = i;
    }
  }

  /**
   * @param tree the tree
   * @param codeTree the tree's code view, or null to walk the float values
   * @param oobRows the tree's out-of-bag rows (first nOob entries)
   * @param oobPred the tree's predicted class index for each of them
   * @param nOob how many OOB rows
   * @param random the tree's generator for permutations
   * @return the tree's counts
   */
  Result compute(Tree tree, CodeTree codeTree, int[] oobRows, int[] oobPred, int nOob,
      SplittableRandom random) {
    int[] nOutClass = new int[k];
    int pairs = 0;
    Arrays.fill(bucketStart, 0);
    for (int j = 0; j < nOob; j++) {
      nOutClass[y[oobRows[j]]]++;
      if (stamp == Integer.MAX_VALUE) {
        Arrays.fill(seen, -1);
        stamp = 0;
      }
      int c = codeTree != null
          ? codeTree.path(bins.chunkOf(oobRows[j]), bins.offsetOf(oobRows[j]), seen, stamp++, where, path, pathNodes)
          : tree.path(x, oobRows[j] * p, seen, stamp++, where, path, pathNodes);
      if (pairs + c > pairFeature.length) {
        int size = Math.max(pairFeature.length * 2, pairs + c);
        pairFeature = Arrays.copyOf(pairFeature, size);
        pairRow = Arrays.copyOf(pairRow, size);
        pairNode = Arrays.copyOf(pairNode, size);
      }
      for (int q = 0; q < c; q++) {
        pairFeature[pairs] = path[q];
        pairRow[pairs] = j;
        pairNode[pairs] = pathNodes[q];
        pairs++;
        bucketStart[path[q] + 1]++;
      }
    }
    int used = 0;
    for (int f = 0; f < p; f++) {
      if (bucketStart[f + 1] > 0) {
        used++;
      }
      bucketStart[f + 1] += bucketStart[f];
    }
    if (bucket.length < pairs) {
      bucket = new int[Math.max(pairs, bucket.length * 2)];
      bucketNode = new int[bucket.length];
    }
    for (int q = 0; q < pairs; q++) {
      int at = bucketStart[pairFeature[q]]++;
      bucket[at] = pairRow[q];
      bucketNode[at] = pairNode[q];
    }
    for (int f = p; f > 0; f--) {
      bucketStart[f] = bucketStart[f - 1];
    }
    bucketStart[0] = 0;
    int[] features = new int[used];
    int[] diffs = new int[used * (k + 1)];
    int u = 0;
    for (int f = 0; f < p; f++) {
      int from = bucketStart[f];
      int count = bucketStart[f + 1] - from;
      if (count == 0) {
        continue;
      }
      features[u] = f;
      int at = u * (k + 1);
      for (int t = 0; t < count; t++) {
        int r = t + random.nextInt(nOob - t);
        int partner = pool[r];
        pool[r] = pool[t];
        pool[t] = partner;
        swaps[t] = r;
        int j = bucket[from + t];
        int row = oobRows[j];
        int first = bucketNode[from + t] >>> 1;
        boolean again = (bucketNode[from + t] & 1) != 0;
        int now;
        if (codeTree != null) {
          int own = codes[f][row] & 0xFF;
          int permuted = codes[f][oobRows[partner]] & 0xFF;
          int threshold = codeTree.codeThreshold(first);
          if (own == permuted || (!again && (own <= threshold) == (permuted <= threshold))) {
            continue; // the path, hence the prediction, is unchanged
          }
          now = codeTree.predictWith(first, bins.chunkOf(row), bins.offsetOf(row), f, permuted);
        } else {
          float own = x[row * p + f];
          float permuted = x[oobRows[partner] * p + f];
          float threshold = tree.threshold(first);
          if (own == permuted || (!again && (own <= threshold) == (permuted <= threshold))) {
            continue;
          }
          now = tree.predictWith(first, x, row * p, f, permuted);
        }
        int truth = y[row];
        int d = (oobPred[j] == truth ? 1 : 0) - (now == truth ? 1 : 0);
        diffs[at] += d;
        diffs[at + 1 + truth] += d;
      }
      for (int t = count - 1; t >= 0; t--) {
        int r = swaps[t];
        int v = pool[r];
        pool[r] = pool[t];
        pool[t] = v;
      }
      u++;
    }
    return new Result(nOob, nOutClass, features, diffs);
  }
}
