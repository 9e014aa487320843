package org.mnistkit.forest;

import java.util.Arrays;
import org.mnistkit.core.tensor.FloatMatrix;

/**
 * The training matrix recoded once per fit as one byte per value, shared read-only by all trees.
 *
 * <p>A feature with at most {@value #MAX_BINS} distinct values (every MNIST pixel) gets one code
 * per distinct value, in increasing order, so split search over codes is exact. A feature with
 * more distinct values is cut into at most {@value #MAX_BINS} quantile bins: the bin edges are
 * the values at ranks ceil(b n / 256), b = 1..255, with duplicates removed, so each bin holds
 * about n / 256 rows and a split can only fall between bins. For every bin the smallest and
 * largest training value in it are kept; a split between bins a &lt; b is placed at the midpoint
 * of the largest value of a and the smallest value of b. For exact features these are the two
 * adjacent distinct values, as in randomForest and ranger.
 *
 * <p>Codes are stored twice: feature-major ({@code codes[f * rows + i]}), read when a node holds
 * a large share of the rows, and row-major ({@code rowCodes[i * cols + f]}), read for smaller
 * nodes, whose rows are scattered. {@code -0.0} and {@code 0.0} are one value.
 */
final class FeatureBins {

  /** The largest number of codes per feature. */
  static final int MAX_BINS = 256;

  private static final int TABLE = 512; // open-addressing slots, load factor <= 0.5
  private static final int EMPTY = 0x7fffffff; // a NaN pattern; finite input never has it
  private static final int CHUNK = 32; // features per task

  private final int rows;
  private final int cols;
  private final byte[] codes;
  private final byte[] rowCodes;
  private final float[][] lower;
  private final float[][] upper;
  private final boolean[] exact;

  private FeatureBins(int rows, int cols) {
    this.rows = rows;
    this.cols = cols;
    this.codes = new byte[Math.multiplyExact(rows, cols)];
    this.rowCodes = new byte[codes.length];
    this.lower = new float[cols][];
    this.upper = new float[cols][];
    this.exact = new boolean[cols];
  }

  /**
   * Recodes every feature of x.
   *
   * @param x n x p, all values finite (checked by the caller)
   * @param threads the most threads to use
   * @return the codes and per-bin value ranges
   */
  static FeatureBins of(FloatMatrix x, int threads) {
    FeatureBins bins = new FeatureBins(x.rows(), x.cols());
    int tasks = (x.cols() + CHUNK - 1) / CHUNK;
    Parallel.forEach(tasks, threads, (worker, task) ->
        bins.encodeChunk(x.data(), task * CHUNK, Math.min(x.cols(), (task + 1) * CHUNK)));
    return bins;
  }

  /** @return the number of rows n */
  int rows() {
    return rows;
  }

  /** @return the number of features p */
  int cols() {
    return cols;
  }

  /** @return the codes, feature-major: code of row i, feature f at {@code f * rows + i} */
  byte[] codes() {
    return codes;
  }

  /** @return the codes, row-major: code of row i, feature f at {@code i * cols + f} */
  byte[] rowCodes() {
    return rowCodes;
  }

  /** @return the number of codes of feature f, 1..256 */
  int numBins(int f) {
    return lower[f].length;
  }

  /** @return whether feature f has one code per distinct value (no quantile binning) */
  boolean isExact(int f) {
    return exact[f];
  }

  /** @return the smallest training value of feature f with code b */
  float lower(int f, int b) {
    return lower[f][b];
  }

  /** @return the largest training value of feature f with code b */
  float upper(int f, int b) {
    return upper[f][b];
  }

  /**
   * The threshold between two codes of feature f: the midpoint of the largest value of code
   * {@code left} and the smallest value of code {@code right}, nudged so that the left value is
   * &lt;= the threshold &lt; the right value.
   */
  float threshold(int f, int left, int right) {
    return midpoint(upper[f][left], lower[f][right]);
  }

  /** @return m with a &lt;= m &lt; b, the midpoint when float rounding allows; needs a &lt; b */
  static float midpoint(float a, float b) {
    float m = (float) (((double) a + (double) b) * 0.5);
    return (m >= a && m < b) ? m : a;
  }

  private static int bitsOf(float v) {
    return v == 0f ? 0 : Float.floatToRawIntBits(v);
  }

  private static int slotOf(int bits) {
    return (bits * 0x9E3779B9) >>> 23; // 9 bits: 0..511
  }

  /**
   * Encodes features f0..f1-1 in one pass over the rows: each new value gets the next provisional
   * code in order of first appearance; afterwards provisional codes are mapped to ranks. A feature
   * that shows more than MAX_BINS distinct values is binned by quantiles instead.
   */
  private void encodeChunk(float[] data, int f0, int f1) {
    int width = f1 - f0;
    int[][] keys = new int[width][TABLE];
    byte[][] slotCode = new byte[width][TABLE];
    int[] size = new int[width];
    boolean[] overflow = new boolean[width];
    int[] lastBits = new int[width];
    byte[] lastCode = new byte[width];
    for (int[] k : keys) {
      Arrays.fill(k, EMPTY);
    }
    Arrays.fill(lastBits, EMPTY);
    for (int i = 0; i < rows; i++) {
      int base = i * cols + f0;
      for (int j = 0; j < width; j++) {
        int bits = bitsOf(data[base + j]);
        byte code;
        if (bits == lastBits[j]) {
          code = lastCode[j];
        } else {
          if (overflow[j]) {
            continue;
          }
          int[] table = keys[j];
          int s = slotOf(bits);
          while (table[s] != EMPTY && table[s] != bits) {
            s = (s + 1) & (TABLE - 1);
          }
          if (table[s] == EMPTY) {
            if (size[j] == MAX_BINS) {
              overflow[j] = true;
              continue;
            }
            table[s] = bits;
            slotCode[j][s] = (byte) size[j]++;
          }
          code = slotCode[j][s];
          lastBits[j] = bits;
          lastCode[j] = code;
        }
        codes[(f0 + j) * rows + i] = code;
        rowCodes[base + j] = code;
      }
    }
    for (int j = 0; j < width; j++) {
      int f = f0 + j;
      if (overflow[j]) {
        encodeQuantiles(data, f);
        continue;
      }
      // Provisional code (order of first appearance) -> rank of the value.
      float[] values = new float[size[j]];
      byte[] provisional = new byte[size[j]];
      int c = 0;
      for (int s = 0; s < TABLE; s++) {
        if (keys[j][s] != EMPTY) {
          values[c] = Float.intBitsToFloat(keys[j][s]);
          provisional[c] = slotCode[j][s];
          c++;
        }
      }
      long[] order = new long[c];
      for (int q = 0; q < c; q++) {
        order[q] = ((long) sortableBits(values[q]) << 32) | (provisional[q] & 0xFF);
      }
      Arrays.sort(order);
      byte[] rank = new byte[MAX_BINS];
      float[] sorted = new float[c];
      for (int r = 0; r < c; r++) {
        int prov = (int) (order[r] & 0xFF);
        rank[prov] = (byte) r;
        sorted[r] = values[indexOf(provisional, prov)];
      }
      int off = f * rows;
      for (int i = 0; i < rows; i++) {
        byte r = rank[codes[off + i] & 0xFF];
        codes[off + i] = r;
        rowCodes[i * cols + f] = r;
      }
      lower[f] = sorted;
      upper[f] = sorted;
      exact[f] = true;
    }
  }

  /** Maps a float's bits to an int whose signed order is the float's numeric order. */
  private static int sortableBits(float v) {
    int b = Float.floatToRawIntBits(v);
    return b >= 0 ? b : b ^ 0x7fffffff;
  }

  private static int indexOf(byte[] a, int value) {
    for (int i = 0; i < a.length; i++) {
      if ((a[i] & 0xFF) == value) {
        return i;
      }
    }
    throw new IllegalStateException("code " + value + " not found");
  }

  /** Quantile binning of a feature with more than MAX_BINS distinct values. */
  private void encodeQuantiles(float[] data, int f) {
    float[] column = new float[rows];
    for (int i = 0; i < rows; i++) {
      float v = data[i * cols + f];
      column[i] = v == 0f ? 0f : v;
    }
    float[] sorted = column.clone();
    Arrays.sort(sorted);
    float max = sorted[rows - 1];
    float[] edges = new float[MAX_BINS - 1];
    int numEdges = 0;
    for (int b = 1; b < MAX_BINS; b++) {
      int rank = (int) (((long) b * rows + MAX_BINS - 1) / MAX_BINS); // ceil(b n / 256), 1-based
      float e = sorted[Math.max(0, rank - 1)];
      if (e < max && (numEdges == 0 || e > edges[numEdges - 1])) {
        edges[numEdges++] = e;
      }
    }
    edges = Arrays.copyOf(edges, numEdges);
    int numBins = numEdges + 1;
    float[] lo = new float[numBins];
    float[] hi = new float[numBins];
    Arrays.fill(lo, Float.POSITIVE_INFINITY);
    Arrays.fill(hi, Float.NEGATIVE_INFINITY);
    for (int i = 0; i < rows; i++) {
      float v = column[i];
      int b = Arrays.binarySearch(edges, v);
      b = b >= 0 ? b : -b - 1; // number of edges < v, or the index of the edge equal to v
      codes[f * rows + i] = (byte) b;
      rowCodes[i * cols + f] = (byte) b;
      lo[b] = Math.min(lo[b], v);
      hi[b] = Math.max(hi[b], v);
    }
    lower[f] = lo;
    upper[f] = hi;
    exact[f] = false;
  }
}
