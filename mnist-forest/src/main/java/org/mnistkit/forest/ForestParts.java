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
 * <p>The codes are row-major chunks of a power-of-two number of rows ({@link #chunkRows}), so n x
 * p may exceed 2<sup>31</sup> bytes (MNIST8M: 6.4 GB) as long as n fits an int. A feature with at
 * most {@value #MAX_BINS} distinct values (every pixel of an 8-bit image) is coded exactly, by
 * rank, as {@link RandomForest} codes it; then the forest equals the local one. A feature with more
 * values is coded by bins (code b for the values in [lower[b], upper[b]]) whose edges the caller
 * chose, for example from a distributed sample; the split thresholds are placed as {@link
 * RandomForest} places them between its own quantile bins, but the out-of-bag votes are counted on
 * the codes (a row whose bin straddles a threshold goes right), and the bins themselves differ from
 * the local forest's unless the caller found the same edges. Permutation importance is not
 * computed ({@link RandomForest#importance()} must be false). Each call grows its trees on the
 * calling thread.
 */
public final class ForestParts {

  /** The most codes a feature may have, {@value}: one byte per value. */
  public static final int MAX_BINS = FeatureBins.MAX_BINS;

  private ForestParts() {}

  /**
   * The number of rows per chunk that {@link #binned} expects by default for p features: the
   * largest power of two whose rows take at most 256 MiB (262144 rows for p = 784), at most
   * 2<sup>30</sup>.
   *
   * @param cols p, at least 1
   * @return a power of two, 1..2<sup>30</sup>
   * @throws IllegalArgumentException when cols &lt; 1
   */
  public static int chunkRows(int cols) {
    if (cols < 1) {
      throw new IllegalArgumentException("cols must be at least 1, got " + cols);
    }
    return 1 << FeatureBins.chunkShift(cols);
  }

  /**
   * The training rows as byte codes, with their classes: what every part of a fit reads.
   * Serializable (Java serialization writes the codes, value ranges and labels, n x p + O(n)
   * bytes; to ship more than 2 GB, send {@link #rowChunks()} separately, {@link #withoutCodes()}
   * for the rest, and join them with {@link #withCodes}); the per-feature copy the tree grower
   * reads is rebuilt on first use in each JVM.
   */
  public static final class BinnedData implements Serializable {
    private static final long serialVersionUID = 2L;

    /** n, the number of rows. */
    private final int rows;
    /** p, the number of features. */
    private final int cols;
    /** log2 of the rows per chunk. */
    private final int shift;
    /**
     * The codes, row-major chunks: row i, feature f at {@code [i >>> shift][(i & mask) * cols +
     * f]}; null in data made by withoutCodes.
     */
    private final byte[][] rowChunks;
    /** Per feature the smallest value of each code, increasing. */
    private final float[][] lower;
    /** Per feature the largest value of each code; the same array as lower when exact. */
    private final float[][] upper;
    /** The class index 0..k-1 of every row. */
    private final int[] y;
    /** The class labels, in the order of the class indices. */
    private final int[] classes;
    private transient volatile FeatureBins bins;

    private BinnedData(int rows, int cols, int shift, byte[][] rowChunks, float[][] lower,
        float[][] upper, int[] y, int[] classes) {
      this.rows = rows;
      this.cols = cols;
      this.shift = shift;
      this.rowChunks = rowChunks;
      this.lower = lower;
      this.upper = upper;
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

    /**
     * @return the row-major code chunks (not copied; do not change them), or null for data made
     *     by {@link #withoutCodes()}
     */
    public byte[][] rowChunks() {
      return rowChunks;
    }

    /** @return these data without the codes: labels and value ranges only, O(n + 256 p) bytes */
    public BinnedData withoutCodes() {
      return new BinnedData(rows, cols, shift, null, lower, upper, y, classes);
    }

    /**
     * Joins data made by {@link #withoutCodes()} with the chunks {@link #rowChunks()} returned
     * (or copies of them); the codes are not checked again, only the chunks' lengths.
     *
     * @param chunks the row-major code chunks of the data these were stripped of; not copied
     * @return the whole data
     * @throws IllegalArgumentException when a chunk's length is not that of the stripped data
     */
    public BinnedData withCodes(byte[][] chunks) {
      int count = FeatureBins.chunkCount(rows, shift);
      if (chunks.length != count) {
        throw new IllegalArgumentException(String.format(Locale.ROOT,
            "expected %d code chunks, got %d", count, chunks.length));
      }
      for (int c = 0; c < chunks.length; c++) {
        int length = FeatureBins.chunkLength(rows, cols, shift, c);
        if (chunks[c].length != length) {
          throw new IllegalArgumentException(String.format(Locale.ROOT,
              "code chunk %d must have %d bytes, got %d", c, length, chunks[c].length));
        }
      }
      return new BinnedData(rows, cols, shift, chunks, lower, upper, y, classes);
    }

    FeatureBins bins() {
      FeatureBins b = bins;
      if (b == null) {
        if (rowChunks == null) {
          throw new IllegalStateException("these data have no codes; join them withCodes first");
        }
        synchronized (this) {
          b = bins;
          if (b == null) {
            b = FeatureBins.ofCodes(rows, cols, shift, rowChunks, lower, upper);
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
   * Checks and wraps binned training rows of exact features only, held in one array.
   *
   * @param rowCodes n x p codes, row-major: the code of row i, feature f at {@code i * p + f} is
   *     {@link #code}{@code (values[f], x[i][f])}; copied into chunks
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
    if (rows < 2 || cols < 1 || (long) rows * cols != rowCodes.length) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "rowCodes must have rows x cols = %d x %d bytes (rows >= 2, cols >= 1), got %d", rows,
          cols, rowCodes.length));
    }
    byte[][] chunks = FeatureBins.newChunks(rows, cols, FeatureBins.chunkShift(cols));
    int at = 0;
    for (byte[] chunk : chunks) {
      System.arraycopy(rowCodes, at, chunk, 0, chunk.length);
      at += chunk.length;
    }
    return binned(chunks, rows, cols, values, values, labels, classes);
  }

  /**
   * Checks and wraps binned training rows held in chunks.
   *
   * @param rowChunks the codes, row-major, in chunks of r rows each (r a power of two, every chunk
   *     but the last full, r p bytes, the last the remaining rows): the code of row i, feature f at
   *     {@code [i / r][(i % r) * p + f]}; not copied. {@link #chunkRows} gives a good r
   * @param rows n, at least 2
   * @param cols p, at least 1
   * @param lower per feature the smallest training value of each code, strictly increasing,
   *     finite, 1..{@value #MAX_BINS} of them, no {@code -0.0}; not copied
   * @param upper per feature the largest training value of each code, lower[f][b] &lt;=
   *     upper[f][b] &lt; lower[f][b + 1]; the same as lower for a feature coded exactly (one code
   *     per distinct value, by rank, as {@link #code}); not copied
   * @param labels n class labels, each one of classes
   * @param classes the distinct class labels in the order of the model's probability columns
   * @return the data
   * @throws IllegalArgumentException naming the first argument that is not as described
   */
  public static BinnedData binned(byte[][] rowChunks, int rows, int cols, float[][] lower,
      float[][] upper, int[] labels, int[] classes) {
    Objects.requireNonNull(rowChunks, "rowChunks");
    Objects.requireNonNull(lower, "lower");
    Objects.requireNonNull(upper, "upper");
    Objects.requireNonNull(labels, "labels");
    if (rows < 2) {
      throw new IllegalArgumentException("rows must be at least 2, got " + rows);
    }
    if (cols < 1) {
      throw new IllegalArgumentException("cols must be at least 1, got " + cols);
    }
    int shift = BinnedChecks.shiftOf(rowChunks, rows, cols);
    if (lower.length != cols || upper.length != cols || labels.length != rows) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "lower and upper must have %d features and labels %d rows, got %d, %d and %d", cols,
          rows, lower.length, upper.length, labels.length));
    }
    for (int f = 0; f < cols; f++) {
      BinnedChecks.ranges(f, lower[f], upper[f]);
    }
    BinnedChecks.codes(rowChunks, shift, cols, lower);
    ClassLabels classLabels = ClassLabels.declared(classes);
    int[] y = classLabels.encode(labels);
    return new BinnedData(rows, cols, shift, rowChunks, lower, upper, y, classLabels.labels());
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
    byte[][] chunks8 = new byte[8][];
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
      CodeTree codeTree = CodeTree.of(tree, bins, true);
      ForestTrainer.predictRows(codeTree, bins, oobRows, nOob, oobPred, offsets, chunks8, out8);
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
