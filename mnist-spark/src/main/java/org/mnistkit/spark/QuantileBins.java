package org.mnistkit.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.ml.linalg.DenseVector;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Row;
import org.mnistkit.forest.ForestParts;

/**
 * Bins for features with more than {@value ForestParts#MAX_BINS} distinct values, found without
 * collecting the values on the driver. Each task of the pass over the rows keeps a uniform sample
 * of at most {@value #SAMPLE} values of every such feature ({@link Reservoir}, Algorithm R with a
 * generator seeded by partition and feature, so the same rows give the same sample). The driver
 * merges the samples, each value weighted by its partition's rows per sampled value, and takes
 * as the b-th edge (b = 1..255) the value at weighted rank ceil(b n / 256), dropping repeats and
 * edges at the feature's maximum: the rule {@link org.mnistkit.forest.RandomForest} applies to all
 * n values. When every partition has at most {@value #SAMPLE} rows the samples are all the values,
 * every weight is 1 and the edges are the local forest's, exactly. A second pass codes these
 * features by the edges (code = the number of edges below the value) and returns per code the
 * smallest and largest value seen; every edge is a training value, so no bin is empty.
 */
final class QuantileBins {

  /** The most values of one feature sampled per partition. */
  static final int SAMPLE = 4096;

  private QuantileBins() {}

  /** A uniform sample of the values of one feature in one partition, in order of the rows. */
  static final class Reservoir implements Serializable {
    private static final long serialVersionUID = 1L;

    private final float[] values = new float[SAMPLE];
    private long seen;
    private float max = Float.NEGATIVE_INFINITY;
    private final transient SplittableRandom random;

    Reservoir(int partition, int feature) {
      random = new SplittableRandom(((long) partition << 32) ^ feature ^ 0x5DEECE66DL);
    }

    void add(float v) {
      max = Math.max(max, v);
      if (seen < SAMPLE) {
        values[(int) seen] = v;
      } else {
        long j = random.nextLong(seen + 1);
        if (j < SAMPLE) {
          values[(int) j] = v;
        }
      }
      seen++;
    }

    /** @return the sampled values, sorted */
    float[] sorted() {
      float[] out = Arrays.copyOf(values, (int) Math.min(seen, SAMPLE));
      Arrays.sort(out);
      return out;
    }

    long seen() {
      return seen;
    }

    float max() {
      return max;
    }
  }

  /**
   * The edges of one feature from the partitions' samples.
   *
   * @param samples per partition that has rows its sample of the feature
   * @param n all rows
   * @return up to 255 strictly increasing edges, each a training value below the maximum
   */
  static float[] edges(List<Reservoir> samples, long n) {
    int total = 0;
    float max = Float.NEGATIVE_INFINITY;
    for (Reservoir r : samples) {
      total += (int) Math.min(r.seen(), SAMPLE);
      max = Math.max(max, r.max());
    }
    long[] keyed = new long[total]; // sortable value bits << 32 | partition index
    double[] weightOf = new double[samples.size()];
    float[][] sorted = new float[samples.size()][];
    int m = 0;
    for (int s = 0; s < samples.size(); s++) {
      Reservoir r = samples.get(s);
      sorted[s] = r.sorted();
      weightOf[s] = (double) r.seen() / sorted[s].length;
      for (float v : sorted[s]) {
        keyed[m++] = ((long) sortable(v) << 32) | s;
      }
    }
    Arrays.sort(keyed);
    float[] edges = new float[ForestParts.MAX_BINS - 1];
    int numEdges = 0;
    double cumulative = 0;
    int j = 0;
    for (int b = 1; b < ForestParts.MAX_BINS; b++) {
      long rank = ((long) b * n + ForestParts.MAX_BINS - 1) / ForestParts.MAX_BINS;
      while (j < m - 1 && cumulative + weightOf[(int) keyed[j]] < rank) {
        cumulative += weightOf[(int) keyed[j]];
        j++;
      }
      float e = unsortable((int) (keyed[j] >> 32));
      if (e < max && (numEdges == 0 || e > edges[numEdges - 1])) {
        edges[numEdges++] = e;
      }
    }
    return Arrays.copyOf(edges, numEdges);
  }

  private static int sortable(float v) {
    int b = Float.floatToRawIntBits(v);
    return b >= 0 ? b : b ^ 0x7fffffff;
  }

  private static float unsortable(int s) {
    return Float.intBitsToFloat(s >= 0 ? s : s ^ 0x7fffffff);
  }

  /** What the second pass found in one partition. */
  static final class Coded implements Serializable {
    private static final long serialVersionUID = 1L;

    int partition;
    int rows;
    /** A hash of the rows' labels in order, to see that the second pass read the first's rows. */
    int labelHash = 1;
    /** Codes of the binned features, row-major: rows x features.length. */
    byte[] codes;
    /** Per binned feature and code the smallest and largest value; +inf / -inf when unseen. */
    float[][] lower;
    float[][] upper;
  }

  /**
   * Codes the binned features of one partition's (label, features) rows.
   *
   * @param features the binned features, ascending
   * @param edges per binned feature its edges
   */
  static Iterator<Coded> code(int partition, Iterator<Row> rows, int[] features,
      float[][] edges) {
    Coded c = new Coded();
    c.partition = partition;
    int q = features.length;
    c.lower = new float[q][];
    c.upper = new float[q][];
    for (int j = 0; j < q; j++) {
      c.lower[j] = new float[edges[j].length + 1];
      c.upper[j] = new float[edges[j].length + 1];
      Arrays.fill(c.lower[j], Float.POSITIVE_INFINITY);
      Arrays.fill(c.upper[j], Float.NEGATIVE_INFINITY);
    }
    byte[] codes = new byte[1024 * q];
    while (rows.hasNext()) {
      Row row = rows.next();
      c.labelHash = 31 * c.labelHash + (int) row.getDouble(0);
      Vector v = (Vector) row.get(1);
      double[] x = v instanceof DenseVector d ? d.values() : v.toArray();
      if (codes.length < (long) (c.rows + 1) * q) {
        codes = Arrays.copyOf(codes, (int) Math.min(Integer.MAX_VALUE - 8,
            Math.max((long) (c.rows + 1) * q, 2L * codes.length)));
      }
      for (int j = 0; j < q; j++) {
        float value = (float) x[features[j]];
        value = value == 0f ? 0f : value;
        int b = Arrays.binarySearch(edges[j], value);
        b = b >= 0 ? b : -b - 1;
        codes[c.rows * q + j] = (byte) b;
        c.lower[j][b] = Math.min(c.lower[j][b], value);
        c.upper[j][b] = Math.max(c.upper[j][b], value);
      }
      c.rows++;
    }
    c.codes = Arrays.copyOf(codes, c.rows * q);
    return List.of(c).iterator();
  }

  /** @return the hash {@link #code} computes over a partition's first {@code rows} labels */
  static int labelHash(int[] labels, int rows) {
    int h = 1;
    for (int i = 0; i < rows; i++) {
      h = 31 * h + labels[i];
    }
    return h;
  }

  /**
   * Finds the edges of the sampled features from the parts' samples, codes them in a second pass
   * over the rows, and writes their codes into the chunks and their value ranges into lower and
   * upper.
   */
  static void binBySamples(JavaRDD<Row> rows, List<ForestBinning.Part> parts, List<Integer> sampled,
      long n, byte[][] chunks, int shift, float[][] lower, float[][] upper) {
    int q = sampled.size();
    int[] features = new int[q];
    float[][] edges = new float[q][];
    for (int j = 0; j < q; j++) {
      int f = sampled.get(j);
      features[j] = f;
      List<Reservoir> samples = new ArrayList<>();
      for (ForestBinning.Part part : parts) {
        if (part.rows > 0) {
          samples.add(part.samples[f] != null ? part.samples[f] : asSample(part, f));
        }
      }
      edges[j] = edges(samples, n);
    }
    List<Coded> coded = new ArrayList<>(rows.mapPartitionsWithIndex(
        (i, it) -> code(i, it, features, edges), true).collect());
    coded.sort(Comparator.comparingInt(c -> c.partition));
    int p = lower.length;
    for (int j = 0; j < q; j++) {
      lower[features[j]] = new float[edges[j].length + 1];
      upper[features[j]] = new float[edges[j].length + 1];
      Arrays.fill(lower[features[j]], Float.POSITIVE_INFINITY);
      Arrays.fill(upper[features[j]], Float.NEGATIVE_INFINITY);
    }
    int at = 0;
    int mask = (1 << shift) - 1;
    for (int k = 0; k < coded.size(); k++) {
      Coded c = coded.get(k);
      if (c.rows != parts.get(k).rows) {
        throw new IllegalStateException(String.format(Locale.ROOT,
            "partition %d had %d rows in the first pass over the training rows and %d in the "
                + "second; cache (persist) the training DataFrame before fitting",
            c.partition, parts.get(k).rows, c.rows));
      }
      if (c.labelHash != labelHash(parts.get(k).labels, c.rows)) {
        throw new IllegalStateException(String.format(Locale.ROOT,
            "partition %d gave its rows in another order in the second pass over the training "
                + "rows than in the first; cache (persist) the training DataFrame before fitting",
            c.partition));
      }
      for (int i = 0; i < c.rows; i++) {
        int row = at + i;
        byte[] out = chunks[row >>> shift];
        int base = (row & mask) * p;
        for (int j = 0; j < q; j++) {
          out[base + features[j]] = c.codes[i * q + j];
        }
      }
      for (int j = 0; j < q; j++) {
        float[] lo = lower[features[j]];
        float[] hi = upper[features[j]];
        for (int b = 0; b < lo.length; b++) {
          lo[b] = Math.min(lo[b], c.lower[j][b]);
          hi[b] = Math.max(hi[b], c.upper[j][b]);
        }
      }
      at += c.rows;
    }
  }

  /** A part's values of a feature it coded exactly, as the sample of all of them. */
  private static Reservoir asSample(ForestBinning.Part part, int f) {
    Reservoir r = new Reservoir(part.partition, f);
    int p = part.width;
    for (int i = 0; i < part.rows; i++) {
      r.add(part.provisional[f][part.codes[i * p + f] & 0xFF]);
    }
    return r;
  }
}
