package org.mnistkit.forest;

import java.io.Serializable;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.SplittableRandom;
import org.mnistkit.core.model.Provenance;

/**
 * A forest fitted in parts, for engines that grow trees on other machines (mnist-spark): the
 * training rows as the forest's byte codes ({@link BinnedData}), a contiguous range of trees grown
 * from them ({@link #grow}), and the ranges assembled in tree order into the {@link
 * RandomForestModel} that {@link RandomForest#fit(org.mnistkit.core.tensor.FloatMatrix, int[],
 * int[])} returns for the same rows, classes and settings: the same trees (so the same
 * predictions and probabilities), tree seeds, out-of-bag votes and MeanDecreaseGini.
 *
 * <pre>{@code
 * BinnedData data = ForestParts.binned(rowCodes, n, p, values, labels, classes);
 * List<TreeRange> parts = List.of(ForestParts.grow(settings, data, 0, 250),
 *     ForestParts.grow(settings, data, 250, 500));                 // anywhere, in any order
 * RandomForestModel model = ForestParts.assemble(settings, data, parts, seconds);
 * }</pre>
 *
 * <p>Only exact features are supported: every feature has at most {@value #MAX_BINS} distinct
 * values (every pixel of an 8-bit image), coded by rank as {@link RandomForest} codes them. The
 * local forest's quantile bins for features with more values need every value of the column in
 * one place; {@link BinnedData} rejects such features. Permutation importance is not computed
 * ({@link RandomForest#importance()} must be false). Each call grows its trees on the calling
 * thread.
 */
public final class ForestParts {

  /** The most distinct values a feature may have, {@value}: one byte code per value. */
  public static final int MAX_BINS = FeatureBins.MAX_BINS;

  private ForestParts() {}

  /**
   * The training rows as byte codes, with their classes: what every part of a fit reads.
   * Serializable (Java serialization writes the codes, values and labels, n x p + O(n) bytes);
   * the per-feature copy the tree grower reads is rebuilt on first use in each JVM.
   */
  public static final class BinnedData implements Serializable {
    private static final long serialVersionUID = 1L;

    /** n, the number of rows. */
    private final int rows;
    /** p, the number of features. */
    private final int cols;
    /** The codes, row-major: row i, feature f at {@code i * cols + f}. */
    private final byte[] rowCodes;
    /** Per feature its distinct values, increasing; code b stands for values[f][b]. */
    private final float[][] values;
    /** The class index 0..k-1 of every row. */
    private final int[] y;
    /** The class labels, in the order of the class indices. */
    private final int[] classes;
    private transient volatile FeatureBins bins;

    private BinnedData(int rows, int cols, byte[] rowCodes, float[][] values, int[] y,
        int[] classes) {
      this.rows = rows;
      this.cols = cols;
      this.rowCodes = rowCodes;
      this.values = values;
      this.y = y;
      this.classes = classes;
    }

    /** @return n, the number of rows */
    public int rows() {
      return rows;
    }

    /** @return p, the number of features */
    public int cols() {
      return cols;
    }

    /** @return the class labels in the order of the model's probability columns (a copy) */
    public int[] classes() {
      return classes.clone();
    }

    FeatureBins bins() {
      FeatureBins b = bins;
      if (b == null) {
        synchronized (this) {
          b = bins;
          if (b == null) {
            b = FeatureBins.ofExactCodes(rows, cols, rowCodes, values);
            bins = b;
          }
        }
      }
      return b;
    }

    int[] y() {
      return y;
    }
  }

  /**
   * The code of value v of a feature whose distinct values are {@code values}, the code {@link
   * RandomForest} gives it: its rank among them ({@code -0.0} and {@code 0.0} are one value).
   *
   * @param values the feature's distinct values, increasing, as passed to {@link #binned}
   * @param v a value of the feature
   * @return the code, 0..values.length-1, as a byte (read back with {@code & 0xFF})
   * @throws IllegalArgumentException when v is not among the values
   */
  public static byte code(float[] values, float v) {
    int b = Arrays.binarySearch(values, v == 0f ? 0f : v);
    if (b < 0) {
      throw new IllegalArgumentException(
          "value " + v + " is not among the feature's " + values.length + " distinct values");
    }
    return (byte) b;
  }

  /**
   * Checks and wraps the binned training rows.
   *
   * @param rowCodes n x p codes, row-major: the code of row i, feature f at {@code i * p + f} is
   *     {@link #code}{@code (values[f], x[i][f])}; not copied
   * @param rows n, at least 2
   * @param cols p, at least 1
   * @param values per feature its distinct training values, strictly increasing, finite, 1..{@value
   *     #MAX_BINS} of them, no {@code -0.0}; not copied
   * @param labels n class labels, each one of classes
   * @param classes the distinct class labels in the order of the model's probability columns
   * @return the data
   * @throws IllegalArgumentException naming the first argument that is not as described
   */
  public static BinnedData binned(byte[] rowCodes, int rows, int cols, float[][] values,
      int[] labels, int[] classes) {
    Objects.requireNonNull(rowCodes, "rowCodes");
    Objects.requireNonNull(values, "values");
    Objects.requireNonNull(labels, "labels");
    if (rows < 2) {
      throw new IllegalArgumentException("rows must be at least 2, got " + rows);
    }
    if (cols < 1) {
      throw new IllegalArgumentException("cols must be at least 1, got " + cols);
    }
    if ((long) rows * cols != rowCodes.length) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "rowCodes must have rows x cols = %d x %d bytes, got %d", rows, cols, rowCodes.length));
    }
    if (values.length != cols || labels.length != rows) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "values must have %d features and labels %d rows, got %d and %d", cols, rows,
          values.length, labels.length));
    }
    for (int f = 0; f < cols; f++) {
      float[] v = values[f];
      if (v.length < 1 || v.length > MAX_BINS) {
        throw new IllegalArgumentException(String.format(Locale.ROOT,
            "feature %d must have 1..%d distinct values, got %d", f, MAX_BINS, v.length));
      }
      for (int b = 0; b < v.length; b++) {
        if (!Float.isFinite(v[b]) || Float.floatToRawIntBits(v[b]) == 0x80000000
            || (b > 0 && !(v[b] > v[b - 1]))) {
          throw new IllegalArgumentException(String.format(Locale.ROOT,
              "values of feature %d must be finite, strictly increasing and without -0.0: %s",
              f, Arrays.toString(v)));
        }
      }
    }
    for (int i = 0; i < rows; i++) {
      int base = i * cols;
      for (int f = 0; f < cols; f++) {
        if ((rowCodes[base + f] & 0xFF) >= values[f].length) {
          throw new IllegalArgumentException(String.format(Locale.ROOT,
              "code %d of row %d, feature %d is not below its %d values", rowCodes[base + f] & 0xFF,
              i, f, values[f].length));
        }
      }
    }
    ClassLabels classLabels = ClassLabels.declared(classes);
    int[] y = classLabels.encode(labels);
    return new BinnedData(rows, cols, rowCodes, values, y, classLabels.labels());
  }

  /**
   * Trees [from, to) of a forest, grown by {@link #grow}: their nodes, per-tree Gini decreases
   * and the out-of-bag votes they cast. Serializable, so that a part grown on an executor comes
   * back to the driver.
   */
  public static final class TreeRange implements Serializable {
    private static final long serialVersionUID = 1L;

    /** The index of the first tree. */
    private final int from;
    /** One past the index of the last tree. */
    private final int to;
    /** Per tree its packed nodes (4 ints per node). */
    private final int[][] nodes;
    /** Per tree the distinct in-bag rows that reached each node. */
    private final int[][] counts;
    /** Per tree the Gini decrease of its splits, per feature. */
    private final double[][] gini;
    /** Out-of-bag votes of these trees, n x k row-major. */
    private final int[] oobVotes;

    private TreeRange(int from, int to, int[][] nodes, int[][] counts, double[][] gini,
        int[] oobVotes) {
      this.from = from;
      this.to = to;
      this.nodes = nodes;
      this.counts = counts;
      this.gini = gini;
      this.oobVotes = oobVotes;
    }

    /** @return the index of the first tree */
    public int from() {
      return from;
    }

    /** @return one past the index of the last tree */
    public int to() {
      return to;
    }
  }

  private static void checkSettings(RandomForest settings, BinnedData data) {
    Objects.requireNonNull(settings, "settings");
    Objects.requireNonNull(data, "data");
    if (settings.importance()) {
      throw new IllegalArgumentException(
          "permutation importance is not computed when a forest is grown in parts; "
              + "build the settings with importance(false)");
    }
    int mtry = settings.mtryFor(data.cols);
    if (mtry > data.cols) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "mtry must be in 1..%d (the number of features), got %d", data.cols, mtry));
    }
  }

  /**
   * Grows trees [from, to) of the forest that settings fit on data: tree t with the t-th seed
   * drawn from {@link RandomForest#seed()}, exactly as {@link RandomForest#fit} grows it, on the
   * calling thread.
   *
   * @param settings the forest's settings, importance off
   * @param data the binned training rows
   * @param from the first tree, 0 &lt;= from &lt; to
   * @param to one past the last tree, at most {@link RandomForest#trees()}
   * @return the trees and what they contribute to the forest's out-of-bag votes and importance
   * @throws IllegalArgumentException when the range is not inside 0..trees, importance is on or
   *     mtry exceeds p
   */
  public static TreeRange grow(RandomForest settings, BinnedData data, int from, int to) {
    checkSettings(settings, data);
    if (from < 0 || to <= from || to > settings.trees()) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "tree range [%d, %d) must be non-empty and inside [0, %d)", from, to, settings.trees()));
    }
    FeatureBins bins = data.bins();
    int n = data.rows;
    int p = data.cols;
    int k = data.classes.length;
    long[] seeds = ForestTrainer.treeSeeds(settings.seed(), settings.trees());
    int sampleSize = settings.sampleSize(n);
    TreeGrower grower = new TreeGrower(bins, data.y, k, settings.mtryFor(p),
        settings.nodeSize(), settings.maxDepth());
    int count = to - from;
    int[][] nodes = new int[count][];
    int[][] counts = new int[count][];
    double[][] gini = new double[count][];
    int[] oobVotes = new int[n * k];
    int[] oobRows = new int[n];
    int[] oobPred = new int[n];
    int[] offsets = new int[8];
    int[] out8 = new int[8];
    for (int t = from; t < to; t++) {
      long[] stream = ForestTrainer.streams(seeds[t]);
      int[] inBag = Bootstrap.inBagCounts(n, sampleSize, settings.replace(), stream[0]);
      double[] decrease = new double[p];
      Tree tree = grower.grow(inBag, new SplittableRandom(stream[1]), decrease);
      int nOob = 0;
      for (int i = 0; i < n; i++) {
        if (inBag[i] == 0) {
          oobRows[nOob++] = i;
        }
      }
      CodeTree codeTree = CodeTree.of(tree, bins);
      if (codeTree == null) {
        throw new IllegalStateException("a tree on exact features must have code thresholds");
      }
      ForestTrainer.predictRows(codeTree, bins.rowCodes(), p, oobRows, nOob, oobPred, offsets,
          out8);
      for (int j = 0; j < nOob; j++) {
        oobVotes[oobRows[j] * k + oobPred[j]]++;
      }
      nodes[t - from] = tree.nodes();
      counts[t - from] = tree.counts();
      gini[t - from] = decrease;
    }
    return new TreeRange(from, to, nodes, counts, gini, oobVotes);
  }

  /**
   * Assembles the parts of a forest, in tree order, into its model.
   *
   * @param settings the settings every part was grown with
   * @param data the binned training rows every part was grown on
   * @param parts ranges that together cover trees 0..trees-1 exactly once, in any order
   * @param fitSeconds the fit's wall-clock time, recorded in the provenance, at least 0
   * @return the model {@link RandomForest#fit} returns for the same rows, classes and settings
   *     (its provenance records no data origin)
   * @throws IllegalArgumentException when the parts overlap, leave a gap, or miss trees
   */
  public static RandomForestModel assemble(RandomForest settings, BinnedData data,
      List<TreeRange> parts, double fitSeconds) {
    checkSettings(settings, data);
    int numTrees = settings.trees();
    TreeRange[] sorted = parts.toArray(new TreeRange[0]);
    Arrays.sort(sorted, (a, b) -> Integer.compare(a.from, b.from));
    int n = data.rows;
    int p = data.cols;
    int k = data.classes.length;
    Tree[] trees = new Tree[numTrees];
    double[][] gini = new double[numTrees][];
    int[] oobVotes = new int[n * k];
    int next = 0;
    for (TreeRange r : sorted) {
      if (r.from != next) {
        throw new IllegalArgumentException(String.format(Locale.ROOT,
            "the parts must cover trees 0..%d once each; expected a part from %d, got [%d, %d)",
            numTrees - 1, next, r.from, r.to));
      }
      if (r.to > numTrees || r.oobVotes.length != oobVotes.length) {
        throw new IllegalArgumentException(String.format(Locale.ROOT,
            "part [%d, %d) was not grown with these settings and data", r.from, r.to));
      }
      for (int t = r.from; t < r.to; t++) {
        trees[t] = new Tree(r.nodes[t - r.from], r.counts[t - r.from]);
        gini[t] = r.gini[t - r.from];
      }
      for (int i = 0; i < oobVotes.length; i++) {
        oobVotes[i] += r.oobVotes[i];
      }
      next = r.to;
    }
    if (next != numTrees) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "the parts cover trees 0..%d but the forest has %d trees", next - 1, numTrees));
    }
    Importance importance = new Importance(ForestTrainer.meanGini(gini, p), null, null, null,
        null);
    Provenance provenance = Provenance.of(n, p, settings.provenanceSettings(p), settings.seed(),
        fitSeconds);
    return new RandomForestModel(settings, settings.mtryFor(p), settings.sampleSize(n), n, p,
        ClassLabels.declared(data.classes), ForestTrainer.treeSeeds(settings.seed(), numTrees),
        trees, data.y, oobVotes, importance, provenance);
  }
}
