package org.mnistkit.forest;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * Finds the best Gini split of a node over a set of candidate features, as CART and randomForest
 * do: it maximises {@code sum_k L_k^2 / nL + sum_k R_k^2 / nR} over thresholds between adjacent
 * codes present in the node, where L_k and R_k are the (bootstrap-weighted) class counts left and
 * right. The Gini decrease of a split is that value minus {@code sum_k N_k^2 / N} of the parent
 * (Breiman et al. 1984; randomForest's findbestsplit).
 *
 * <p>Nodes holding a large share of the training rows read each candidate's codes straight from
 * the feature-major copy (nearly sequential reads). Other nodes first gather the codes of their
 * rows for all candidates into one contiguous buffer, reading each row's candidates from one
 * short stretch of the row-major copy. Each candidate is then scanned in one of two ways, chosen
 * per node by its size: larger nodes fill a histogram of class counts per code (marking the codes
 * seen in a byte array, which unlike a bit mask creates no chain of dependent updates) and walk
 * the marked codes in order; nodes of at most {@link #SORT_LIMIT} rows sort (code, position) keys
 * and walk the rows in order, which avoids touching k counts per code. Class counts only cover
 * the classes present in the node. All ways give the same split. Ties keep the first best
 * candidate (lowest feature index, then lowest threshold); randomForest breaks ties at random.
 *
 * <p>One instance per worker thread; it reads the node's rows, classes and weights from the
 * arrays it was given.
 */
final class SplitFinder {

  /** Nodes with at most this many distinct rows are scanned by sorting. */
  static final int SORT_LIMIT = 32;

  /** Nodes with at least 1 / DENSITY of all rows read the feature-major codes. */
  static final int DENSITY = 16;

  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  private final byte[][] codes;
  private final byte[][] rowChunks;
  private final int shift;
  private final int n;
  private final int p;
  private final int k;
  private final int[] rows;
  private final int[] cls;
  private final int[] wts;
  private final byte[] local;
  private final int[] hist;
  private final byte[] present8 = new byte[FeatureBins.MAX_BINS]; // 1 where a code occurs
  private final long[] left;
  private final long[] right;
  private final long[] present; // counts of the classes present in the node
  private final int[] localOf; // class -> index among present classes
  private final int[] localCls; // per entry of the node: index of its class among present ones
  private int kp;
  private final boolean[] wasConstant;
  private boolean small;
  private boolean dense;
  private final long[] keys;
  private final int sortLimit;
  private final int density;

  private int bestColumn;
  private int bestLeftCode;
  private int bestRightCode;
  private double bestCrit;
  private int m;

  /**
   * @param bins the recoded training data
   * @param k the number of classes
   * @param maxFeatures the most candidate features per node (mtry)
   * @param rows row indices of the current node ranges (shared with the tree grower)
   * @param cls class index of each entry of rows
   * @param wts in-bag count of each entry of rows
   */
  SplitFinder(FeatureBins bins, int k, int maxFeatures, int[] rows, int[] cls, int[] wts) {
    this(bins, k, maxFeatures, rows, cls, wts, SORT_LIMIT, DENSITY);
  }

  /** As above with the two strategy switches given (tests check that they do not matter). */
  SplitFinder(FeatureBins bins, int k, int maxFeatures, int[] rows, int[] cls, int[] wts,
      int sortLimit, int density) {
    this.sortLimit = sortLimit;
    this.density = density;
    this.keys = new long[Math.min(sortLimit, bins.rows())];
    this.codes = bins.codes();
    this.rowChunks = bins.rowChunks();
    this.shift = bins.shift();
    this.n = bins.rows();
    this.p = bins.cols();
    this.k = k;
    this.rows = rows;
    this.cls = cls;
    this.wts = wts;
    this.local = new byte[Math.multiplyExact(maxFeatures, n)];
    this.hist = new int[FeatureBins.MAX_BINS * k];
    this.wasConstant = new boolean[maxFeatures];
    this.left = new long[k];
    this.right = new long[k];
    this.present = new long[k];
    this.localOf = new int[k];
    this.localCls = new int[n];
  }

  /**
   * Finds the best split of entries s..e-1 over the given features.
   *
   * @param features candidate features, ascending (the first nf entries)
   * @param nf how many candidates
   * @param parent the node's weighted class counts (k entries)
   * @param parentSum2 sum of the squares of parent
   * @param parentTotal sum of parent
   * @return the position in features of the best split's feature, or -1 when every candidate is
   *     constant in the node
   */
  int find(int[] features, int nf, int s, int e, long[] parent, long parentSum2,
      long parentTotal) {
    m = e - s;
    kp = 0;
    for (int c = 0; c < k; c++) {
      if (parent[c] > 0) {
        present[kp] = parent[c];
        localOf[c] = kp++;
      }
    }
    for (int i = s; i < e; i++) {
      localCls[i - s] = localOf[cls[i]];
    }
    bestColumn = -1;
    bestCrit = Double.NEGATIVE_INFINITY;
    small = m <= sortLimit;
    dense = (long) m * density >= n;
    if (dense) {
      for (int j = 0; j < nf; j++) {
        fillFeatureMajor(features[j], s, e);
        scanHistogram(j, present, parentSum2, parentTotal);
      }
      return bestColumn;
    }
    gatherRowMajor(features, nf, s, e);
    for (int j = 0; j < nf; j++) {
      if (small) {
        scanSorted(j, s, present, parentSum2, parentTotal);
      } else {
        fillLocal(j, s);
        scanHistogram(j, present, parentSum2, parentTotal);
      }
    }
    return bestColumn;
  }

  /**
   * @param column a position in the features of the last {@link #find}
   * @return whether that feature had a single code in the node (so also in all its descendants)
   */
  boolean wasConstant(int column) {
    return wasConstant[column];
  }

  /** @return the largest code that goes left in the best split */
  int bestLeftCode() {
    return bestLeftCode;
  }

  /** @return the smallest code present in the node that goes right in the best split */
  int bestRightCode() {
    return bestRightCode;
  }

  /** @return the best split's {@code sum L^2 / nL + sum R^2 / nR} */
  double bestCrit() {
    return bestCrit;
  }

  /**
   * @param feature the feature of the best split of the last {@link #find}
   * @param column its position in the features of that call
   * @param i an entry of that node, s..e-1
   * @param s the node's first entry
   * @return the code of that entry's row for that feature
   */
  int code(int feature, int column, int i, int s) {
    return (dense ? codes[feature][rows[i]] : local[column * m + i - s]) & 0xFF;
  }

  /** Copies the codes of the node's rows for all candidates into {@code local}, one column each. */
  private void gatherRowMajor(int[] features, int nf, int s, int e) {
    final byte[] out = local;
    final byte[][] chunks = rowChunks;
    final int sh = shift;
    final int mask = (1 << sh) - 1;
    final int mm = m;
    final int pp = p;
    for (int i = s; i < e; i++) {
      int r = rows[i];
      byte[] rc = chunks[r >>> sh];
      int row = (r & mask) * pp;
      int at = i - s;
      for (int j = 0; j < nf; j++) {
        out[at] = rc[row + features[j]];
        at += mm;
      }
    }
  }

  /** Fills the histogram of class counts per code of one feature from the feature-major codes. */
  private void fillFeatureMajor(int f, int s, int e) {
    final int[] h = hist;
    final byte[] seen = present8;
    final int kk = kp;
    final int[] lc = localCls;
    final byte[] column = codes[f];
    for (int i = s; i < e; i++) {
      int code = column[rows[i]] & 0xFF;
      h[code * kk + lc[i - s]] += wts[i];
      seen[code] = 1;
    }
  }

  /** Fills the histogram of one gathered column of {@code local}. */
  private void fillLocal(int column, int s) {
    final int[] h = hist;
    final byte[] seen = present8;
    final int kk = kp;
    final int[] lc = localCls;
    final byte[] col = local;
    final int base = column * m;
    final int mm = m;
    for (int i = 0; i < mm; i++) {
      int code = col[base + i] & 0xFF;
      h[code * kk + lc[i]] += wts[s + i];
      seen[code] = 1;
    }
  }

  /**
   * Walks the codes marked in {@code present8} in increasing order, evaluating the split between
   * each pair of neighbours, and clears the histogram and the marks.
   */
  private void scanHistogram(int column, long[] parent, long parentSum2, long parentTotal) {
    final int[] h = hist;
    final byte[] seen = present8;
    final int kk = kp;
    for (int c = 0; c < kk; c++) {
      right[c] = parent[c];
      left[c] = 0L;
    }
    long sumL2 = 0;
    long sumR2 = parentSum2;
    long nL = 0;
    long nR = parentTotal;
    int prev = -1;
    int occupied = 0;
    for (int word = 0; word < FeatureBins.MAX_BINS / 8; word++) {
      long bytes = (long) LONGS.get(seen, word * 8);
      if (bytes == 0L) {
        continue;
      }
      LONGS.set(seen, word * 8, 0L);
      while (bytes != 0L) {
        int lowest = Long.numberOfTrailingZeros(bytes) >>> 3;
        bytes &= ~(0xFFL << (lowest << 3));
        int b = (word << 3) | lowest;
        occupied++;
        if (prev >= 0) {
          double crit = (double) sumL2 / nL + (double) sumR2 / nR;
          if (crit > bestCrit) {
            bestCrit = crit;
            bestColumn = column;
            bestLeftCode = prev;
            bestRightCode = b;
          }
        }
        int hb = b * kk;
        long nb = 0;
        for (int c = 0; c < kk; c++) {
          long cnt = h[hb + c];
          h[hb + c] = 0;
          long l = left[c];
          long r = right[c];
          sumL2 += cnt * (2 * l + cnt);
          sumR2 += cnt * (cnt - 2 * r);
          left[c] = l + cnt;
          right[c] = r - cnt;
          nb += cnt;
        }
        nL += nb;
        nR -= nb;
        prev = b;
      }
    }
    wasConstant[column] = occupied == 1;
  }

  private void scanSorted(int column, int s, long[] parent, long parentSum2, long parentTotal) {
    final long[] ks = keys;
    final byte[] col = local;
    final int base = column * m;
    int lo = 255;
    int hi = 0;
    for (int j = 0; j < m; j++) {
      int code = col[base + j] & 0xFF;
      lo = Math.min(lo, code);
      hi = Math.max(hi, code);
      ks[j] = ((long) code << 32) | j;
    }
    wasConstant[column] = lo == hi;
    if (lo == hi) {
      return;
    }
    if (m <= 16) {
      for (int j = 1; j < m; j++) {
        long key = ks[j];
        int q = j - 1;
        while (q >= 0 && ks[q] > key) {
          ks[q + 1] = ks[q];
          q--;
        }
        ks[q + 1] = key;
      }
    } else {
      Arrays.sort(ks, 0, m);
    }
    for (int c = 0; c < kp; c++) {
      right[c] = parent[c];
      left[c] = 0L;
    }
    long sumL2 = 0;
    long sumR2 = parentSum2;
    long nL = 0;
    long nR = parentTotal;
    int code = (int) (ks[0] >>> 32);
    for (int j = 0; j < m; j++) {
      int i = (int) ks[j];
      int c = localCls[i];
      long w = wts[s + i];
      long l = left[c];
      long r = right[c];
      sumL2 += w * (2 * l + w);
      sumR2 += w * (w - 2 * r);
      left[c] = l + w;
      right[c] = r - w;
      nL += w;
      nR -= w;
      if (j + 1 < m) {
        int next = (int) (ks[j + 1] >>> 32);
        if (next != code) {
          double crit = (double) sumL2 / nL + (double) sumR2 / nR;
          if (crit > bestCrit) {
            bestCrit = crit;
            bestColumn = column;
            bestLeftCode = code;
            bestRightCode = next;
          }
          code = next;
        }
      }
    }
  }
}
