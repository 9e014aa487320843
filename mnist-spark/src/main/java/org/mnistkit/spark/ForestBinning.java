package org.mnistkit.spark;

import java.io.ByteArrayOutputStream;
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
import org.mnistkit.forest.ForestParts;

/**
 * The one distributed pass that turns a DataFrame into the forest's byte codes. Each task reads
 * its rows once: it checks labels, vector lengths and values, gives every feature's values
 * provisional byte codes in order of first appearance (at most {@value ForestParts#MAX_BINS} per
 * feature), and returns its codes, labels and each feature's provisional values. The driver
 * merges the values into each feature's sorted distinct values, checks what the tasks found
 * (before any tree is grown), and maps every task's provisional codes to ranks with one table
 * lookup per byte. Only these bytes, labels and values reach the driver, never the doubles.
 */
final class ForestBinning {

  private static final int TABLE = 512;
  private static final int EMPTY = 0x7fffffff; // a NaN pattern; finite values never have it

  private ForestBinning() {}

  /** The binned training rows, in the DataFrame's order. */
  record Binned(int rows, int cols, byte[] codes, float[][] values, int[] labels,
      int maxLabel) {}

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
    /** Provisional codes, row-major. */
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
    ByteArrayOutputStream codes = new ByteArrayOutputStream();
    int[] labels = new int[1024];
    byte[] row = null;
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
      int p = v.size();
      if (s.width < 0) {
        s.width = p;
        keys = new int[p * TABLE];
        Arrays.fill(keys, EMPTY);
        slotCode = new byte[p * TABLE];
        size = new int[p];
        seen = new float[p][ForestParts.MAX_BINS];
        row = new byte[p];
      } else if (p != s.width) {
        s.otherWidth = p;
        continue;
      }
      if (s.rows == labels.length) {
        labels = Arrays.copyOf(labels, labels.length * 2);
      }
      labels[s.rows++] = (int) label;
      double[] x = v instanceof DenseVector d ? d.values() : v.toArray();
      for (int f = 0; f < p; f++) {
        float value = (float) x[f];
        if (!Float.isFinite(value)) {
          s.nonFinite++;
          continue;
        }
        if (size[f] > ForestParts.MAX_BINS) {
          continue; // overflowed: the fit fails on the driver
        }
        int bits = value == 0f ? 0 : Float.floatToRawIntBits(value);
        int t = f * TABLE;
        int slot = (bits * 0x9E3779B9) >>> 23;
        while (keys[t + slot] != EMPTY && keys[t + slot] != bits) {
          slot = (slot + 1) & (TABLE - 1);
        }
        if (keys[t + slot] == EMPTY) {
          if (size[f] == ForestParts.MAX_BINS) {
            size[f]++;
            continue;
          }
          keys[t + slot] = bits;
          slotCode[t + slot] = (byte) size[f];
          seen[f][size[f]++] = Float.intBitsToFloat(bits);
        }
        row[f] = slotCode[t + slot];
      }
      codes.write(row, 0, p);
    }
    if (s.width >= 0) {
      s.provisional = new float[s.width][];
      for (int f = 0; f < s.width; f++) {
        s.provisional[f] = size[f] > ForestParts.MAX_BINS ? null : Arrays.copyOf(seen[f], size[f]);
      }
    }
    s.codes = codes.toByteArray();
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
   * @return the rows coded by rank, in the RDD's order
   * @throws IllegalArgumentException when the rows are fewer than 2, vectors differ in length,
   *     a value is not finite, a label is not a whole number in 0..maxClasses-1, or a feature has
   *     more than MAX_BINS distinct values
   */
  static Binned bin(JavaRDD<Row> rows, int maxClasses, String labelCol, String featuresCol) {
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
    float[][] values = new float[p][];
    for (int f = 0; f < p; f++) {
      values[f] = mergedValues(parts, f);
      if (values[f] == null) {
        throw new IllegalArgumentException(String.format(Locale.ROOT,
            "feature %d of '%s' has more than %d distinct values; the Spark forest codes every "
                + "value exactly (as pixels are), so round such features to at most %d levels "
                + "or fit the local RandomForest, which bins them by quantiles",
            f, featuresCol, ForestParts.MAX_BINS, ForestParts.MAX_BINS));
      }
    }
    int rowsTotal = Math.toIntExact(n);
    byte[] codes = new byte[Math.multiplyExact(rowsTotal, p)];
    int[] labels = new int[rowsTotal];
    int at = 0;
    byte[] table = new byte[p * ForestParts.MAX_BINS];
    for (Part part : parts) {
      if (part.rows == 0) {
        continue;
      }
      for (int f = 0; f < p; f++) {
        float[] prov = part.provisional[f];
        for (int c = 0; c < prov.length; c++) {
          table[f * ForestParts.MAX_BINS + c] = ForestParts.code(values[f], prov[c]);
        }
      }
      byte[] in = part.codes;
      int base = at * p;
      for (int i = 0; i < part.rows; i++) {
        int off = i * p;
        for (int f = 0; f < p; f++) {
          codes[base + off + f] = table[f * ForestParts.MAX_BINS + (in[off + f] & 0xFF)];
        }
      }
      System.arraycopy(part.labels, 0, labels, at, part.rows);
      at += part.rows;
    }
    return new Binned(rowsTotal, p, codes, values, labels, (int) maxLabel);
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
