package org.mnistkit.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.ml.linalg.DenseVector;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Row;
import org.mnistkit.core.concurrent.Workers;
import org.mnistkit.forest.ForestParts;

/**
 * The distributed pass that turns a DataFrame into the forest's byte codes. Each task reads its
 * rows once: it checks labels, vector lengths and values, gives every feature's values
 * provisional byte codes in order of first appearance, and returns its codes, labels and each
 * feature's provisional values. A feature that shows more than {@value ForestParts#MAX_BINS}
 * distinct values in a task is sampled instead ({@link QuantileBins}). The driver merges the
 * values into each feature's sorted distinct values, checks what the tasks found (before any tree
 * is grown), and maps every task's provisional codes to ranks with one table lookup per byte, into
 * row-major chunks of a power-of-two number of rows ({@link ForestParts#chunkRows}), so that n x p
 * may exceed 2<sup>31</sup> bytes. Only these bytes, labels, values and samples reach the driver,
 * never the doubles. When a feature has more than {@value ForestParts#MAX_BINS} distinct values in
 * all, its bin edges come from the merged samples and a second pass over the rows codes those
 * features (so the rows should be cached); pixels never need it.
 */
final class ForestBinning {

  private static final int TABLE = 512;
  private static final int EMPTY = 0x7fffffff; // a NaN pattern; finite values never have it

  private ForestBinning() {}

  /**
   * The binned training rows, in the DataFrame's order: codes in row-major chunks; per feature
   * the smallest and largest value of each code (the same array for a feature coded exactly).
   */
  record Binned(int rows, int cols, byte[][] chunks, float[][] lower, float[][] upper,
      int[] labels, int maxLabel, int binnedFeatures) {}

  /** What one task found and coded. */
  static final class Part implements Serializable {
    private static final long serialVersionUID = 1L;

    int partition;
    int rows;
    int width = -1;
    int otherWidth = -1; // a second vector length seen, -1 when none
    long badLabels;
    double badLabel;
    long nonFinite;
    double maxLabel = -1;
    /** Per feature its values in order of first appearance; null when more than MAX_BINS. */
    float[][] provisional;
    /** Per feature with more than MAX_BINS values a sample of them; null for the others. */
    QuantileBins.Reservoir[] samples;
    /** Provisional codes, row-major (0 for sampled features). */
    byte[] codes;
    int[] labels;
  }

  /** Reads, checks and codes one partition of (label double, features vector) rows. */
  static Iterator<Part> scan(int partition, Iterator<Row> rows, int maxClasses) {
    Part s = new Part();
    s.partition = partition;
    int[] keys = null;
    byte[] slotCode = null;
    int[] size = null;
    float[][] seen = null;
    int[] lastBits = null;
    byte[] lastCode = null;
    byte[] codes = new byte[0];
    int[] labels = new int[1024];
    int p = -1;
    while (rows.hasNext()) {
      Row r = rows.next();
      double label = r.getDouble(0);
      if (!(label >= 0 && label < maxClasses && label == Math.rint(label))) {
        if (s.badLabels++ == 0) {
          s.badLabel = label;
        }
      } else {
        s.maxLabel = Math.max(s.maxLabel, label);
      }
      Vector v = (Vector) r.get(1);
      if (s.width < 0) {
        p = v.size();
        s.width = p;
        keys = new int[p * TABLE];
        Arrays.fill(keys, EMPTY);
        slotCode = new byte[p * TABLE];
        size = new int[p];
        seen = new float[p][ForestParts.MAX_BINS];
        lastBits = new int[p];
        Arrays.fill(lastBits, EMPTY);
        lastCode = new byte[p];
        s.samples = new QuantileBins.Reservoir[p];
        codes = new byte[p == 0 ? 0 : Math.max(p, 1 << 20) / p * p]; // p == 0: refused on the driver
      } else if (v.size() != p) {
        s.otherWidth = v.size();
        continue;
      }
      if (s.rows == labels.length) {
        labels = Arrays.copyOf(labels, labels.length * 2);
      }
      long end = (long) (s.rows + 1) * p;
      if (end > Integer.MAX_VALUE - 8) {
        throw new IllegalArgumentException(String.format(Locale.ROOT,
            "partition %d of the training rows holds more than 2^31 bytes of codes (%d rows of "
                + "%d features); repartition the rows into more partitions", partition, s.rows + 1,
            p));
      }
      int at = s.rows * p;
      if (end > codes.length) {
        codes = Arrays.copyOf(codes,
            (int) Math.min(Integer.MAX_VALUE - 8, Math.max(end, 2L * codes.length)));
      }
      labels[s.rows++] = (int) label;
      double[] x = v instanceof DenseVector d ? d.values() : v.toArray();
      for (int f = 0; f < p; f++) {
        float value = (float) x[f];
        if (!Float.isFinite(value)) {
          s.nonFinite++;
          continue;
        }
        value = value == 0f ? 0f : value;
        if (s.samples[f] != null) {
          s.samples[f].add(value);
          continue;
        }
        int bits = Float.floatToRawIntBits(value);
        if (bits == lastBits[f]) { // as in the row before (most pixels): no hash lookup
          codes[at + f] = lastCode[f];
          continue;
        }
        int t = f * TABLE;
        int slot = (bits * 0x9E3779B9) >>> 23;
        while (keys[t + slot] != EMPTY && keys[t + slot] != bits) {
          slot = (slot + 1) & (TABLE - 1);
        }
        if (keys[t + slot] == EMPTY) {
          if (size[f] == ForestParts.MAX_BINS) {
            // The 257th value: sample this feature from now on, its earlier rows first.
            s.samples[f] = new QuantileBins.Reservoir(partition, f);
            for (int i = 0; i < s.rows - 1; i++) {
              s.samples[f].add(seen[f][codes[i * p + f] & 0xFF]);
            }
            s.samples[f].add(value);
            continue;
          }
          keys[t + slot] = bits;
          slotCode[t + slot] = (byte) size[f];
          seen[f][size[f]++] = value;
        }
        codes[at + f] = slotCode[t + slot];
        lastBits[f] = bits;
        lastCode[f] = slotCode[t + slot];
      }
    }
    if (s.width >= 0) {
      s.provisional = new float[s.width][];
      for (int f = 0; f < s.width; f++) {
        s.provisional[f] = s.samples[f] != null ? null : Arrays.copyOf(seen[f], size[f]);
      }
    }
    s.codes = Arrays.copyOf(codes, s.rows * Math.max(0, p));
    s.labels = Arrays.copyOf(labels, s.rows);
    return List.of(s).iterator();
  }

  /**
   * Runs the pass, checks what it found and assembles the codes on the driver.
   *
   * @param rows (label double, features vector) rows
   * @param maxClasses labels must be below this
   * @param labelCol the label column's name, for messages
   * @param featuresCol the features column's name, for messages
   * @param chunkRows rows per chunk of the codes, a power of two; 0 for {@link
   *     ForestParts#chunkRows}
   * @return the rows coded by rank (or by bin), in the RDD's order
   * @throws IllegalArgumentException when the rows are fewer than 2, vectors differ in length,
   *     a value is not finite, or a label is not a whole number in 0..maxClasses-1
   * @throws IllegalStateException when the second pass does not see the rows of the first
   */
  static Binned bin(JavaRDD<Row> rows, int maxClasses, String labelCol, String featuresCol,
      int chunkRows) {
    List<Part> parts = new ArrayList<>(
        rows.mapPartitionsWithIndex((i, it) -> scan(i, it, maxClasses), true).collect());
    parts.sort(Comparator.comparingInt(part -> part.partition));
    long n = 0;
    long badLabels = 0;
    double badLabel = 0;
    long nonFinite = 0;
    double maxLabel = -1;
    int width = -1;
    int other = -1;
    for (Part part : parts) {
      n += part.rows;
      if (part.badLabels > 0 && badLabels == 0) {
        badLabel = part.badLabel;
      }
      badLabels += part.badLabels;
      nonFinite += part.nonFinite;
      maxLabel = Math.max(maxLabel, part.maxLabel);
      if (part.width >= 0) {
        if (width < 0) {
          width = part.width;
        } else if (part.width != width) {
          other = part.width;
        }
        if (part.otherWidth >= 0) {
          other = part.otherWidth;
        }
      }
    }
    if (other >= 0) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "every '%s' vector must have the same length; found lengths %d and %d", featuresCol,
          Math.min(width, other), Math.max(width, other)));
    }
    if (n < 2) {
      throw new IllegalArgumentException("the forest needs at least 2 training rows, got " + n);
    }
    if (badLabels > 0) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "'%s' must hold whole numbers in 0..%d (class indices); %d rows do not, such as %s",
          labelCol, maxClasses - 1, badLabels, badLabel));
    }
    if (nonFinite > 0) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "'%s' has %d values that are NaN or infinite; the forest needs finite values",
          featuresCol, nonFinite));
    }
    int p = width;
    int rowsTotal = Math.toIntExact(n);
    int per = chunkRows > 0 ? chunkRows : ForestParts.chunkRows(p);
    int shift = Integer.numberOfTrailingZeros(per);
    byte[][] chunks = new byte[(int) ((n + per - 1) / per)][];
    for (int c = 0; c < chunks.length; c++) {
      chunks[c] = new byte[Math.multiplyExact(Math.min(per, rowsTotal - c * per), p)];
    }
    float[][] lower = new float[p][];
    List<Integer> sampled = new ArrayList<>();
    for (int f = 0; f < p; f++) {
      lower[f] = mergedValues(parts, f);
      if (lower[f] == null) {
        sampled.add(f);
      }
    }
    float[][] upper = lower.clone();
    int[] labels = new int[rowsTotal];
    int at = 0;
    try (Workers pool = new Workers(Workers.defaultThreads())) {
      for (Part part : parts) {
        if (part.rows == 0) {
          continue;
        }
        byte[] table = new byte[p * ForestParts.MAX_BINS];
        for (int f = 0; f < p; f++) {
          float[] prov = part.provisional[f];
          for (int c = 0; prov != null && lower[f] != null && c < prov.length; c++) {
            table[f * ForestParts.MAX_BINS + c] = ForestParts.code(lower[f], prov[c]);
          }
        }
        int first = at;
        pool.forRange(part.rows,
            (c, from, to) -> remap(part.codes, table, chunks, shift, first, p, from, to));
        System.arraycopy(part.labels, 0, labels, at, part.rows);
        at += part.rows;
      }
    }
    if (!sampled.isEmpty()) {
      QuantileBins.binBySamples(rows, parts, sampled, n, chunks, shift, lower, upper);
    }
    return new Binned(rowsTotal, p, chunks, lower, upper, labels, (int) maxLabel,
        sampled.size());
  }

  /**
   * Writes rows from..to-1 of a part, whose first row is row {@code first} of the data, into the
   * chunks, each provisional code mapped through the part's table (feature f's code c at {@code
   * table[f * 256 + c]}).
   */
  private static void remap(byte[] in, byte[] table, byte[][] chunks, int shift, int first, int p,
      int from, int to) {
    int mask = (1 << shift) - 1;
    for (int i = from; i < to; i++) {
      int row = first + i;
      byte[] out = chunks[row >>> shift];
      int base = (row & mask) * p;
      int off = i * p;
      for (int f = 0; f < p; f++) {
        out[base + f] = table[(f << 8) | (in[off + f] & 0xFF)];
      }
    }
  }

  /** The sorted union of every part's values of feature f; null when over MAX_BINS. */
  private static float[] mergedValues(List<Part> parts, int f) {
    float[] all = new float[0];
    for (Part part : parts) {
      if (part.rows == 0) {
        continue;
      }
      float[] prov = part.provisional[f];
      if (prov == null) {
        return null;
      }
      float[] sorted = prov.clone();
      Arrays.sort(sorted);
      all = union(all, sorted);
      if (all == null) {
        return null;
      }
    }
    return all;
  }

  private static float[] union(float[] a, float[] b) {
    float[] out = new float[a.length + b.length];
    int i = 0;
    int j = 0;
    int m = 0;
    while (i < a.length || j < b.length) {
      float v;
      if (j == b.length || (i < a.length && a[i] < b[j])) {
        v = a[i++];
      } else if (i == a.length || b[j] < a[i]) {
        v = b[j++];
      } else {
        v = a[i++];
        j++;
      }
      out[m++] = v;
    }
    return m > ForestParts.MAX_BINS ? null : Arrays.copyOf(out, m);
  }
}
