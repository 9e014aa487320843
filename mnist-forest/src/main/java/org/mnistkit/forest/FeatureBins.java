package org.mnistkit.forest;

import java.util.Arrays;
import org.mnistkit.core.concurrent.Workers;
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
 * <p>Codes are stored twice: feature-major ({@code codes[f][i]}, one array of n bytes per
 * feature), read when a node holds a large share of the rows, and row-major in chunks of
 * 2<sup>shift</sup> rows ({@code rowChunks[i >>> shift][(i & mask) * cols + f]}), read for smaller
 * nodes, whose rows are scattered. No array holds more than max(n, 2<sup>shift</sup> p) bytes, so
 * n x p may exceed 2<sup>31</sup> (MNIST8M: 8.1M x 784 = 6.4 GB) as long as n fits an int. The
 * chunk size changes nothing but the layout: a forest grown on chunks of 8 rows equals the one
 * grown on one chunk, bit for bit (tested). {@code -0.0} and {@code 0.0} are one value.
 */
final class FeatureBins {

  /** The largest number of codes per feature. */
  static final int MAX_BINS = 256;

  private static final int TABLE = 512; // open-addressing slots, load factor <= 0.5
  private static final int EMPTY = 0x7fffffff; // a NaN pattern; finite input never has it

  /** log2 of the most bytes in one row-major chunk by default: 256 MiB. */
  static final int CHUNK_BYTES_LOG2 = 28;

  private final int rows;
  private final int cols;
  private final int shift;
  private final byte[][] codes;
  private final byte[][] rowChunks;
  private final float[][] lower;
  private final float[][] upper;
  private final boolean[] exact;

  private FeatureBins(int rows, int cols, int shift, byte[][] rowChunks) {
    this.rows = rows;
    this.cols = cols;
    this.shift = shift;
    this.codes = new byte[cols][rows];
    this.rowChunks = rowChunks;
    this.lower = new float[cols][];
    this.upper = new float[cols][];
    this.exact = new boolean[cols];
  }

  /**
   * @param cols p, at least 1
   * @return the default log2 of the rows per row-major chunk: the largest power of two whose p
   *     bytes a row fit in 2<sup>{@value #CHUNK_BYTES_LOG2}</sup> bytes, at least 0, at most 30
   */
  static int chunkShift(int cols) {
    int colBits = 32 - Integer.numberOfLeadingZeros(Math.max(1, cols - 1)); // ceil(log2(cols))
    return Math.max(0, Math.min(30, CHUNK_BYTES_LOG2 - colBits));
  }

  /**
   * @param rows n
   * @param shift log2 of the rows per chunk, 0..31
   * @return the number of chunks of 2^shift rows that hold n rows
   */
  static int chunkCount(int rows, int shift) {
    return (int) (((long) rows + (1L << shift) - 1) >>> shift);
  }

  /**
   * @return the length in bytes of chunk c of n rows of p codes in chunks of 2^shift rows
   * @throws ArithmeticException when it exceeds an int
   */
  static int chunkLength(int rows, int cols, int shift, int c) {
    long first = (long) c << shift;
    long inChunk = Math.min(1L << shift, rows - first);
    return Math.toIntExact(inChunk * cols);
  }

  /**
   * @param rows n
   * @param cols p
   * @param shift log2 of the rows per chunk, 0..31
   * @return zeroed row-major chunks: chunk c holds rows c 2^shift .. min(n, (c + 1) 2^shift) - 1
   */
  static byte[][] newChunks(int rows, int cols, int shift) {
    byte[][] chunks = new byte[chunkCount(rows, shift)][];
    for (int c = 0; c < chunks.length; c++) {
      chunks[c] = new byte[chunkLength(rows, cols, shift, c)];
    }
    return chunks;
  }

  /**
   * Codes made elsewhere (by {@link ForestParts}): code b of feature f stands for the training
   * values in [lower[f][b], upper[f][b]]; for an exact feature lower and upper are the same array,
   * its distinct values, and code b is the b-th smallest, as {@link #of} codes a feature with at
   * most {@value #MAX_BINS} distinct values.
   *
   * @param rows n
   * @param cols p
   * @param shift log2 of the rows per chunk of rowChunks
   * @param rowChunks the codes, row-major, in chunks as {@link #newChunks} makes them; not copied
   * @param lower per feature the smallest value of each code, increasing, 1..256; not copied
   * @param upper per feature the largest value of each code; not copied
   * @return the bins
   */
  static FeatureBins ofCodes(int rows, int cols, int shift, byte[][] rowChunks, float[][] lower,
      float[][] upper) {
    FeatureBins bins = new FeatureBins(rows, cols, shift, rowChunks);
    for (int f = 0; f < cols; f++) {
      bins.lower[f] = lower[f];
      bins.upper[f] = upper[f];
      bins.exact[f] = lower[f] == upper[f] || Arrays.equals(lower[f], upper[f]);
    }
    bins.fillFeatureMajor(0, rows);
    return bins;
  }

  /** Copies rows from..to-1 of the row-major chunks into the feature-major arrays. */
  private void fillFeatureMajor(int from, int to) {
    int mask = (1 << shift) - 1;
    for (int start = from; start < to; start += 1024) {
      int end = Math.min(to, start + 1024);
      for (int f = 0; f < cols; f++) {
        byte[] column = codes[f];
        for (int i = start; i < end; i++) {
          column[i] = rowChunks[i >>> shift][(i & mask) * cols + f];
        }
      }
    }
  }

  /**
   * Recodes every feature of x.
   *
   * @param x n x p, all values finite (checked by the caller)
   * @param threads the most threads to use
   * @return the codes and per-bin value ranges
   */
  static FeatureBins of(FloatMatrix x, int threads) {
    return of(x, threads, chunkShift(x.cols()));
  }

  /** As {@link #of(FloatMatrix, int)} with chunks of 2^shift rows (tests use tiny chunks). */
  static FeatureBins of(FloatMatrix x, int threads, int shift) {
    FeatureBins bins = new FeatureBins(x.rows(), x.cols(), shift,
        newChunks(x.rows(), x.cols(), shift));
    bins.encode(x.data(), threads);
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

  /** @return the codes, feature-major: code of row i, feature f at {@code [f][i]} */
  byte[][] codes() {
    return codes;
  }

  /**
   * @return the codes, row-major in chunks: code of row i, feature f at {@code [i >>> shift()][(i
   *     & (2^shift() - 1)) * cols + f]}
   */
  byte[][] rowChunks() {
    return rowChunks;
  }

  /** @return log2 of the rows per row-major chunk */
  int shift() {
    return shift;
  }

  /** @return the row-major chunk that holds row i */
  byte[] chunkOf(int i) {
    return rowChunks[i >>> shift];
  }

  /** @return where row i starts in {@link #chunkOf}(i) */
  int offsetOf(int i) {
    return (i & ((1 << shift) - 1)) * cols;
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

  /**
   * @param f a feature; for one binned by quantiles ({@link #isExact} false) a code whose
   *     values straddle the threshold counts as above it
   * @param threshold a split threshold of f
   * @return the largest code whose largest value is &lt;= threshold, or -1 when there is none
   */
  int codeAtOrBelow(int f, float threshold) {
    float[] values = upper[f];
    int lo = 0;
    int hi = values.length - 1;
    int found = -1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      if (values[mid] <= threshold) {
        found = mid;
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    return found;
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
   * Encodes all features in one sequential pass over the rows: each new value of a feature gets
   * the feature's next provisional code, in order of first appearance (a value equal to the
   * feature's previous one skips the hash lookup). Provisional codes are then mapped to ranks. A
   * feature that shows more than MAX_BINS distinct values is binned by quantiles instead.
   */
  private void encode(float[] data, int threads) {
    int[] keys = new int[cols * TABLE];
    byte[] slotCode = new byte[cols * TABLE];
    int[] size = new int[cols];
    boolean[] overflow = new boolean[cols];
    int[] lastBits = new int[cols];
    byte[] lastCode = new byte[cols];
    Arrays.fill(keys, EMPTY);
    Arrays.fill(lastBits, EMPTY);
    int mask = (1 << shift) - 1;
    for (int i = 0; i < rows; i++) {
      int base = i * cols;
      byte[] rowCodes = rowChunks[i >>> shift];
      int at = (i & mask) * cols;
      for (int f = 0; f < cols; f++) {
        int bits = bitsOf(data[base + f]);
        byte code;
        if (bits == lastBits[f]) {
          code = lastCode[f];
        } else {
          if (overflow[f]) {
            continue;
          }
          int t = f * TABLE;
          int s = slotOf(bits);
          while (keys[t + s] != EMPTY && keys[t + s] != bits) {
            s = (s + 1) & (TABLE - 1);
          }
          if (keys[t + s] == EMPTY) {
            if (size[f] == MAX_BINS) {
              overflow[f] = true;
              continue;
            }
            keys[t + s] = bits;
            slotCode[t + s] = (byte) size[f]++;
          }
          code = slotCode[t + s];
          lastBits[f] = bits;
          lastCode[f] = code;
        }
        rowCodes[at + f] = code;
      }
    }
    byte[] rank = new byte[cols * MAX_BINS];
    for (int f = 0; f < cols; f++) {
      if (!overflow[f]) {
        rankValues(f, keys, slotCode, size[f], rank);
      }
    }
    // Provisional codes -> ranks in the row-major codes, and the feature-major copy.
    int blocks = (rows + 1023) / 1024;
    try (Workers pool = new Workers(threads)) {
      pool.forEach(blocks, (worker, b) -> {
        int from = b * 1024;
        int to = Math.min(rows, from + 1024);
        for (int i = from; i < to; i++) {
          byte[] rowCodes = rowChunks[i >>> shift];
          int base = (i & mask) * cols;
          for (int f = 0; f < cols; f++) {
            byte r = rank[f * MAX_BINS + (rowCodes[base + f] & 0xFF)];
            rowCodes[base + f] = r;
          }
        }
        fillFeatureMajor(from, to);
      });
    }
    for (int f = 0; f < cols; f++) {
      if (overflow[f]) {
        encodeQuantiles(data, f);
      }
    }
  }

  /** Sorts the distinct values of exact feature f and records each provisional code's rank. */
  private void rankValues(int f, int[] keys, byte[] slotCode, int count, byte[] rank) {
    long[] order = new long[count];
    float[] values = new float[MAX_BINS];
    int c = 0;
    for (int s = f * TABLE; s < (f + 1) * TABLE; s++) {
      if (keys[s] != EMPTY) {
        int prov = slotCode[s] & 0xFF;
        values[prov] = Float.intBitsToFloat(keys[s]);
        order[c++] = ((long) sortableBits(values[prov]) << 32) | prov;
      }
    }
    Arrays.sort(order);
    float[] sorted = new float[count];
    for (int r = 0; r < count; r++) {
      int prov = (int) (order[r] & 0xFF);
      rank[f * MAX_BINS + prov] = (byte) r;
      sorted[r] = values[prov];
    }
    lower[f] = sorted;
    upper[f] = sorted;
    exact[f] = true;
  }

  /** Maps a float's bits to an int whose signed order is the float's numeric order. */
  private static int sortableBits(float v) {
    int b = Float.floatToRawIntBits(v);
    return b >= 0 ? b : b ^ 0x7fffffff;
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
      codes[f][i] = (byte) b;
      rowChunks[i >>> shift][(i & ((1 << shift) - 1)) * cols + f] = (byte) b;
      lo[b] = Math.min(lo[b], v);
      hi[b] = Math.max(hi[b], v);
    }
    lower[f] = lo;
    upper[f] = hi;
    exact[f] = false;
  }
}
