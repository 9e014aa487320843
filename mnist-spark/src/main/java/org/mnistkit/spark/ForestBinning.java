package org.mnistkit.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Row;
import org.mnistkit.forest.ForestParts;

/**
 * The two distributed passes that turn a DataFrame into the forest's byte codes: a pass that
 * finds every feature's distinct values (at most {@value ForestParts#MAX_BINS} kept per feature)
 * and checks vector lengths and labels, then, after the driver has checked what it found, a pass
 * that codes every row. Only the distinct values, the counts and the byte codes reach the driver,
 * never the doubles.
 */
final class ForestBinning {

  private static final int TABLE = 512;
  private static final int EMPTY = 0x7fffffff; // a NaN pattern; finite values never have it

  private ForestBinning() {}

  /** What the first pass finds in a partition, merged over partitions. */
  static final class Stats implements Serializable {
    private static final long serialVersionUID = 1L;

    long rows;
    int width = -1;
    int otherWidth = -1; // a second vector length seen, -1 when none
    long badLabels;
    double badLabel;
    long nonFinite;
    double maxLabel = -1;
    /** Per feature its distinct values, sorted; null when there are more than MAX_BINS. */
    float[][] values;

    Stats merge(Stats o) {
      Stats s = new Stats();
      s.rows = rows + o.rows;
      s.badLabels = badLabels + o.badLabels;
      s.badLabel = badLabels > 0 ? badLabel : o.badLabel;
      s.nonFinite = nonFinite + o.nonFinite;
      s.maxLabel = Math.max(maxLabel, o.maxLabel);
      if (width < 0 || o.width < 0) {
        s.width = Math.max(width, o.width);
        s.otherWidth = Math.max(otherWidth, o.otherWidth);
        s.values = width < 0 ? o.values : values;
      } else {
        s.width = width;
        s.otherWidth = otherWidth >= 0 ? otherWidth : (o.width != width ? o.width : o.otherWidth);
        if (s.otherWidth < 0) {
          s.values = new float[width][];
          for (int f = 0; f < width; f++) {
            s.values[f] = union(values[f], o.values[f]);
          }
        }
      }
      return s;
    }
  }

  private static float[] union(float[] a, float[] b) {
    if (a == null || b == null) {
      return null;
    }
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

  /** The first pass over one partition of (label, features) rows. */
  static Iterator<Stats> scan(Iterator<Row> rows, int maxClasses) {
    Stats s = new Stats();
    int[] keys = null;
    int[] size = null;
    boolean[] overflow = null;
    while (rows.hasNext()) {
      Row r = rows.next();
      s.rows++;
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
        size = new int[p];
        overflow = new boolean[p];
      } else if (p != s.width) {
        s.otherWidth = p;
        continue;
      }
      double[] x = v.toArray();
      for (int f = 0; f < p; f++) {
        float value = (float) x[f];
        if (!Float.isFinite(value)) {
          s.nonFinite++;
          continue;
        }
        if (overflow[f]) {
          continue;
        }
        int bits = value == 0f ? 0 : Float.floatToRawIntBits(value);
        int t = f * TABLE;
        int slot = (bits * 0x9E3779B9) >>> 23;
        while (keys[t + slot] != EMPTY && keys[t + slot] != bits) {
          slot = (slot + 1) & (TABLE - 1);
        }
        if (keys[t + slot] == EMPTY) {
          if (size[f] == ForestParts.MAX_BINS) {
            overflow[f] = true;
            continue;
          }
          keys[t + slot] = bits;
          size[f]++;
        }
      }
    }
    if (s.width >= 0) {
      s.values = new float[s.width][];
      for (int f = 0; f < s.width; f++) {
        if (!overflow[f]) {
          float[] vals = new float[size[f]];
          int m = 0;
          for (int slot = f * TABLE; slot < (f + 1) * TABLE; slot++) {
            if (keys[slot] != EMPTY) {
              vals[m++] = Float.intBitsToFloat(keys[slot]);
            }
          }
          Arrays.sort(vals);
          s.values[f] = vals;
        }
      }
    }
    return List.of(s).iterator();
  }

  /**
   * Runs the first pass and checks what it found.
   *
   * @param rows (label double, features vector) rows
   * @param maxClasses labels must be below this
   * @param labelCol the label column's name, for messages
   * @param featuresCol the features column's name, for messages
   * @return the merged statistics, every feature with at most MAX_BINS values
   * @throws IllegalArgumentException when the rows are fewer than 2, vectors differ in length,
   *     a value is not finite, a label is not a whole number in 0..maxClasses-1, or a feature has
   *     more than MAX_BINS distinct values
   */
  static Stats checkedStats(JavaRDD<Row> rows, int maxClasses, String labelCol,
      String featuresCol) {
    Stats s = rows.mapPartitions(it -> scan(it, maxClasses)).reduce(Stats::merge);
    if (s.rows < 2) {
      throw new IllegalArgumentException("the forest needs at least 2 training rows, got "
          + s.rows);
    }
    if (s.otherWidth >= 0) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "every '%s' vector must have the same length; found lengths %d and %d", featuresCol,
          Math.min(s.width, s.otherWidth), Math.max(s.width, s.otherWidth)));
    }
    if (s.badLabels > 0) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "'%s' must hold whole numbers in 0..%d (class indices); %d rows do not, such as %s",
          labelCol, maxClasses - 1, s.badLabels, s.badLabel));
    }
    if (s.nonFinite > 0) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "'%s' has %d values that are NaN or infinite; the forest needs finite values",
          featuresCol, s.nonFinite));
    }
    for (int f = 0; f < s.width; f++) {
      if (s.values[f] == null) {
        throw new IllegalArgumentException(String.format(Locale.ROOT,
            "feature %d of '%s' has more than %d distinct values; the Spark forest codes every "
                + "value exactly (as pixels are), so round such features to at most %d levels "
                + "or fit the local RandomForest, which bins them by quantiles",
            f, featuresCol, ForestParts.MAX_BINS, ForestParts.MAX_BINS));
      }
    }
    return s;
  }

  /** One partition's codes and labels, with its index to put partitions in order. */
  static final class Coded implements Serializable {
    private static final long serialVersionUID = 1L;
    final int partition;
    final int rows;
    final byte[] codes;
    final int[] labels;

    Coded(int partition, int rows, byte[] codes, int[] labels) {
      this.partition = partition;
      this.rows = rows;
      this.codes = codes;
      this.labels = labels;
    }
  }

  /** The second pass over one partition: each row's codes and label. */
  static Iterator<Coded> code(int partition, Iterator<Row> rows, float[][] values) {
    int p = values.length;
    java.io.ByteArrayOutputStream codes = new java.io.ByteArrayOutputStream();
    List<Integer> labels = new ArrayList<>();
    byte[] row = new byte[p];
    while (rows.hasNext()) {
      Row r = rows.next();
      labels.add((int) r.getDouble(0));
      double[] x = ((Vector) r.get(1)).toArray();
      for (int f = 0; f < p; f++) {
        row[f] = ForestParts.code(values[f], (float) x[f]);
      }
      codes.write(row, 0, p);
    }
    int[] y = labels.stream().mapToInt(Integer::intValue).toArray();
    return List.of(new Coded(partition, y.length, codes.toByteArray(), y)).iterator();
  }
}
