package org.mnistkit.forest;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.mnistkit.core.concurrent.Progress;
import org.mnistkit.core.concurrent.Workers;
import org.mnistkit.core.data.LabeledImages;
import org.mnistkit.core.tensor.FloatMatrix;

/**
 * The settings of a random forest classifier, and its trainer: {@link #fit} grows the forest and
 * returns an immutable {@link RandomForestModel}. Immutable and thread-safe; build one with
 * {@link #builder()}.
 *
 * <pre>{@code
 * RandomForestModel model = RandomForest.builder().trees(500).seed(123).build()
 *     .fit(train.toScaledMatrix(), train.labels());
 * int[] predicted = model.predictClasses(test.toScaledMatrix());
 * }</pre>
 *
 * <p>The algorithm is Breiman's (2001) random forest of CART trees with the defaults of R's
 * randomForest for classification: 500 trees, {@code mtry = floor(sqrt(p))} features tried per
 * split, node size 1, a bootstrap sample of n rows with replacement per tree, Gini impurity,
 * majority vote. Differences from randomForest: ties (between splits, between classes in a leaf
 * and in the vote) go to the first candidate instead of a random one; features with more than
 * 256 distinct values are split between quantile bins (see {@link FeatureBins}); node size counts
 * distinct in-bag rows as randomForest does, but a root of one distinct row is a leaf rather than
 * an error; a bootstrap sample with a single class is used as it is rather than redrawn.
 *
 * <p>Randomness: one seed; the seed of every tree is drawn from it before any tree is grown, and
 * each tree's bootstrap sample, feature draws and permutations come from its own seed, so the
 * forest is the same for any number of threads.
 */
public final class RandomForest {

  /** The default seed. */
  public static final long DEFAULT_SEED = 123L;

  private final int trees;
  private final Integer mtry; // null: floor(sqrt(p))
  private final int nodeSize;
  private final int maxDepth;
  private final Double sampleFraction; // null: 1.0 with replacement, 0.632 without
  private final boolean replace;
  private final int threads;
  private final long seed;
  private final boolean importance;

  private RandomForest(Builder b) {
    this.trees = b.trees;
    this.mtry = b.mtry;
    this.nodeSize = b.nodeSize;
    this.maxDepth = b.maxDepth;
    this.sampleFraction = b.sampleFraction;
    this.replace = b.replace;
    this.threads = b.threads;
    this.seed = b.seed;
    this.importance = b.importance;
  }

  /** @return a builder with randomForest's defaults */
  public static Builder builder() {
    return new Builder();
  }

  /** @return a builder holding these settings, to change some of them */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.trees = trees;
    b.mtry = mtry;
    b.nodeSize = nodeSize;
    b.maxDepth = maxDepth;
    b.sampleFraction = sampleFraction;
    b.replace = replace;
    b.threads = threads;
    b.seed = seed;
    b.importance = importance;
    return b;
  }

  /** @return the number of trees, at least 1 */
  public int trees() {
    return trees;
  }

  /** @return the features tried at each split when set; empty means floor(sqrt(p)) */
  public OptionalInt mtry() {
    return mtry == null ? OptionalInt.empty() : OptionalInt.of(mtry);
  }

  /**
   * @param p the number of features, at least 1
   * @return mtry for data with p features: the set value, else max(1, floor(sqrt(p)))
   */
  public int mtryFor(int p) {
    return mtry != null ? mtry : Math.max(1, (int) Math.floor(Math.sqrt(p)));
  }

  /** @return nodes with at most this many distinct in-bag rows are not split, at least 1 */
  public int nodeSize() {
    return nodeSize;
  }

  /** @return the greatest depth of a tree (root = 0); Integer.MAX_VALUE means unlimited */
  public int maxDepth() {
    return maxDepth;
  }

  /** @return the share of rows drawn per tree when set; empty means the default */
  public OptionalDouble sampleFraction() {
    return sampleFraction == null ? OptionalDouble.empty() : OptionalDouble.of(sampleFraction);
  }

  /** @return the share of rows drawn per tree: the set value, else 1.0 with and 0.632 without replacement */
  public double effectiveSampleFraction() {
    return sampleFraction != null ? sampleFraction : (replace ? 1.0 : 0.632);
  }

  /**
   * @param n the number of training rows
   * @return rows drawn per tree, ceil(fraction * n), 1..n (randomForest's sampsize)
   */
  public int sampleSize(int n) {
    long s = (long) Math.ceil(effectiveSampleFraction() * n);
    return (int) Math.max(1, Math.min(n, s));
  }

  /** @return whether rows are drawn with replacement (bootstrap), the default */
  public boolean replace() {
    return replace;
  }

  /**
   * @return the number of threads used to fit; does not change the result. A fitted model predicts
   *     with the threads its caller asks for (all cores by default), not with this setting.
   */
  public int threads() {
    return threads;
  }

  /** @return the seed */
  public long seed() {
    return seed;
  }

  /** @return whether permutation importance (MeanDecreaseAccuracy) is computed when fitting */
  public boolean importance() {
    return importance;
  }

  /**
   * Grows the forest with the classes found in y, in increasing order.
   *
   * @param x n x p training data, n &gt;= 2, p &gt;= 1, all values finite (any scale; MNIST
   *     pixels may be 0..255 or 0..1, but predict with the same scale)
   * @param y n class labels, any ints
   * @return the fitted forest
   * @throws IllegalArgumentException when n &lt; 2, p &lt; 1, y's length is not n, x has a NaN or
   *     infinite value, or mtry &gt; p
   */
  public RandomForestModel fit(FloatMatrix x, int[] y) {
    Objects.requireNonNull(y, "y");
    checkShape(x, y);
    return ForestTrainer.fit(this, x, y, ClassLabels.observed(y), Progress.NONE);
  }

  /**
   * Grows the forest as {@link #fit(FloatMatrix, int[])} does, telling a listener how many trees
   * are grown: on the calling thread only, while trees grow on the others, and once more with
   * {@code (trees, trees)} at the end. The forest is the same as without a listener.
   *
   * @param x n x p training data, as {@link #fit(FloatMatrix, int[])}
   * @param y n class labels
   * @param progress told {@code (treesGrown, trees)}; not null ({@link Progress#NONE} for none)
   * @return the fitted forest
   * @throws IllegalArgumentException as {@link #fit(FloatMatrix, int[])}
   */
  public RandomForestModel fit(FloatMatrix x, int[] y, Progress progress) {
    Objects.requireNonNull(y, "y");
    Objects.requireNonNull(progress, "progress");
    checkShape(x, y);
    return ForestTrainer.fit(this, x, y, ClassLabels.observed(y), progress);
  }

  /**
   * Grows the forest with declared classes, like the levels of an R factor: every declared class
   * appears in probabilities, votes and confusion matrices, in this order, even when no training
   * row has it.
   *
   * @param x n x p training data, as {@link #fit(FloatMatrix, int[])}
   * @param y n class labels, each one of classes
   * @param classes the distinct class labels, at least one
   * @return the fitted forest
   * @throws IllegalArgumentException as {@link #fit(FloatMatrix, int[])}, and when classes is
   *     empty or repeats a label, or a label of y is not among them
   */
  public RandomForestModel fit(FloatMatrix x, int[] y, int[] classes) {
    Objects.requireNonNull(y, "y");
    Objects.requireNonNull(classes, "classes");
    checkShape(x, y);
    return ForestTrainer.fit(this, x, y, ClassLabels.declared(classes), Progress.NONE);
  }

  /**
   * Grows the forest on images scaled to [0, 1] ({@link LabeledImages#toScaledMatrix()}) with
   * classes 0..numClasses-1; predict with {@link RandomForestModel#predict(LabeledImages)}.
   *
   * @param train the training images and labels, at least 2
   * @return the fitted forest
   */
  public RandomForestModel fit(LabeledImages train) {
    int[] classes = new int[train.numClasses()];
    for (int c = 0; c < classes.length; c++) {
      classes[c] = c;
    }
    return fit(train.toScaledMatrix(), train.labels(), classes);
  }

  private void checkShape(FloatMatrix x, int[] y) {
    Objects.requireNonNull(x, "x");
    if (x.rows() < 2) {
      throw new IllegalArgumentException("x must have at least 2 rows, got " + x.rows());
    }
    if (x.cols() < 1) {
      throw new IllegalArgumentException("x must have at least 1 column, got " + x.cols());
    }
    if (y.length != x.rows()) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "x has %d rows but y has %d labels; they must be equal", x.rows(), y.length));
    }
    if (mtry != null && mtry > x.cols()) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "mtry must be in 1..%d (the number of columns of x), got %d", x.cols(), mtry));
    }
    x.requireFinite("x");
  }

  /**
   * The settings as a fitted model's {@link org.mnistkit.core.model.Provenance} records them, by
   * their builder names and with the values used for data with p features: {@code trees},
   * {@code mtry}, {@code nodeSize}, {@code maxDepth} ({@code unlimited} or a number), {@code
   * sampleFraction}, {@code replace} and {@code importance}. Threads and the seed are not
   * settings of the forest (the seed is recorded on its own).
   *
   * @param p the number of features, at least 1
   * @return the settings in that order
   */
  Map<String, Object> provenanceSettings(int p) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("trees", trees);
    m.put("mtry", mtryFor(p));
    m.put("nodeSize", nodeSize);
    m.put("maxDepth", maxDepth == Integer.MAX_VALUE ? "unlimited" : Integer.toString(maxDepth));
    m.put("sampleFraction", effectiveSampleFraction());
    m.put("replace", replace);
    m.put("importance", importance);
    return m;
  }

  /** Equal when every setting is equal. */
  @Override
  public boolean equals(Object o) {
    return o instanceof RandomForest r && trees == r.trees && Objects.equals(mtry, r.mtry)
        && nodeSize == r.nodeSize && maxDepth == r.maxDepth
        && Objects.equals(sampleFraction, r.sampleFraction) && replace == r.replace
        && threads == r.threads && seed == r.seed && importance == r.importance;
  }

  @Override
  public int hashCode() {
    return Objects.hash(trees, mtry, nodeSize, maxDepth, sampleFraction, replace, threads, seed,
        importance);
  }

  /** @return the settings, such as {@code RandomForest[trees=500, mtry=floor(sqrt(p)), ...]} */
  @Override
  public String toString() {
    return String.format(Locale.ROOT,
        "RandomForest[trees=%d, mtry=%s, nodeSize=%d, maxDepth=%s, sampleFraction=%s, "
            + "replace=%b, threads=%d, seed=%d, importance=%b]",
        trees, mtry == null ? "floor(sqrt(p))" : mtry.toString(), nodeSize,
        maxDepth == Integer.MAX_VALUE ? "unlimited" : Integer.toString(maxDepth),
        sampleFraction == null ? (replace ? "1.0" : "0.632") : sampleFraction.toString(),
        replace, threads, seed, importance);
  }

  /** Collects settings; {@link #build()} validates them. Not thread-safe. */
  public static final class Builder {

    private int trees = 500;
    private Integer mtry;
    private int nodeSize = 1;
    private int maxDepth = Integer.MAX_VALUE;
    private Double sampleFraction;
    private boolean replace = true;
    private int threads = Workers.defaultThreads();
    private long seed = DEFAULT_SEED;
    private boolean importance;

    private Builder() {}

    /**
     * @param trees the number of trees (ntree), at least 1; default 500
     * @return this builder
     */
    public Builder trees(int trees) {
      this.trees = trees;
      return this;
    }

    /**
     * @param mtry features drawn at random as split candidates at each node, 1..p (checked
     *     against p when fitting); default floor(sqrt(p)), 28 for MNIST
      * @return this builder
     */
    public Builder mtry(int mtry) {
      this.mtry = mtry;
      return this;
    }

    /**
     * Goes back to the default mtry, floor(sqrt(p)).
     * @return this builder
     */
    public Builder defaultMtry() {
      this.mtry = null;
      return this;
    }

    /**
     * @param nodeSize nodes with at most this many distinct in-bag rows become leaves, at least 1; default 1
     * @return this builder
     */
    public Builder nodeSize(int nodeSize) {
      this.nodeSize = nodeSize;
      return this;
    }

    /**
     * @param maxDepth the greatest depth of a node (root = 0), at least 1; default unlimited
     * @return this builder
     */
    public Builder maxDepth(int maxDepth) {
      this.maxDepth = maxDepth;
      return this;
    }

    /**
     * @param sampleFraction share of the n rows drawn for each tree, in (0, 1]; default 1.0 with
     *     replacement and 0.632 without (randomForest's sampsize)
      * @return this builder
     */
    public Builder sampleFraction(double sampleFraction) {
      this.sampleFraction = sampleFraction;
      return this;
    }

    /**
     * @param replace draw rows with replacement (bootstrap); default true
     * @return this builder
     */
    public Builder replace(boolean replace) {
      this.replace = replace;
      return this;
    }

    /**
     * @param threads threads used to fit, at least 1; default all processors; not saved with the model
     * @return this builder
     */
    public Builder threads(int threads) {
      this.threads = threads;
      return this;
    }

    /**
     * @param seed the one seed of all randomness; default {@value RandomForest#DEFAULT_SEED}
     * @return this builder
     */
    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    /**
     * @param importance also compute permutation importance (MeanDecreaseAccuracy), as
     *     randomForest's {@code importance = TRUE}; default false. MeanDecreaseGini is always
     *     computed.
      * @return this builder
     */
    public Builder importance(boolean importance) {
      this.importance = importance;
      return this;
    }

    /**
     * @return the settings
     * @throws IllegalArgumentException naming the first setting out of range
     */
    public RandomForest build() {
      atLeast("trees", trees, 1);
      if (mtry != null) {
        atLeast("mtry", mtry, 1);
      }
      atLeast("nodeSize", nodeSize, 1);
      atLeast("maxDepth", maxDepth, 1);
      atLeast("threads", threads, 1);
      if (sampleFraction != null && !(sampleFraction > 0 && sampleFraction <= 1)) {
        throw new IllegalArgumentException(
            "sampleFraction must be in (0, 1], got " + sampleFraction);
      }
      return new RandomForest(this);
    }

    private static void atLeast(String name, int value, int min) {
      if (value < min) {
        throw new IllegalArgumentException(name + " must be >= " + min + ", got " + value);
      }
    }
  }
}
