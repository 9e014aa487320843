package org.mnistkit.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.ml.classification.ProbabilisticClassifier;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.param.IntParam;
import org.apache.spark.ml.param.LongParam;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.param.ParamValidators;
import org.apache.spark.ml.util.DefaultParamsReader;
import org.apache.spark.ml.util.DefaultParamsWritable;
import org.apache.spark.ml.util.Identifiable;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.mnistkit.forest.ForestParts;
import org.mnistkit.forest.RandomForest;
import org.mnistkit.forest.RandomForestModel;

/**
 * mnistkit's random forest as a Spark ML {@code Estimator}: {@link #fit} grows the trees on the
 * executors and returns a {@link MnistRandomForestClassificationModel}, a Spark ML {@code
 * Transformer} that adds {@code rawPrediction} (tree votes per class), {@code probability} and
 * {@code prediction}. It takes Spark ML {@code Params}, so {@code ParamGridBuilder}, {@code
 * CrossValidator}, {@code TrainValidationSplit} and {@code Pipeline} use it like Spark's own
 * classifiers.
 *
 * <pre>{@code
 * MnistRandomForestClassifier rf = new MnistRandomForestClassifier().setNumTrees(100).setSeed(7);
 * MnistRandomForestClassificationModel model = rf.fit(train);   // label, features columns
 * Dataset<Row> scored = model.transform(test);
 * }</pre>
 *
 * <p>How {@code fit} works: (1) the schema is checked on the driver ({@code features} a vector,
 * {@code label} numeric); (2) one pass over the data finds every feature's distinct values and
 * checks vector lengths, finiteness and labels (whole numbers in 0..{@value #MAX_CLASSES}-1;
 * classes are 0..max label) and codes every row as one byte per feature; the driver collects the
 * codes (n x p bytes, in the DataFrame's row order) with each feature's values and maps the codes
 * to the value's rank among all of the feature's values, into row chunks of at most 256 MiB; (3)
 * every chunk is broadcast once, as its own broadcast variable ({@code SharedRows}), so more than
 * 2 GB of codes can be shipped; (4) {@code treePartitions} tasks each grow a contiguous range of
 * trees, tree t from the t-th seed drawn from {@code seed}; (5) the driver assembles the trees in
 * order ({@link ForestParts}). When every feature has at most 256 distinct values (8-bit pixels),
 * the forest is the one {@link RandomForest#fit} grows on the same rows in the same order with
 * the same seed and settings and classes 0..k-1, whatever the number of partitions, tree tasks or
 * executors: same predictions and probabilities. A feature with more distinct values is cut into
 * at most 256 bins whose edges come from per-partition samples merged on the driver (a second
 * pass codes those features, so cache the DataFrame); the edges are the local forest's quantile
 * edges exactly when no partition has more than 4096 rows, and approximate them otherwise.
 *
 * <p>Defaults are randomForest's, as in {@link RandomForest}: 500 trees, mtry floor(sqrt(p)),
 * node size 1, unlimited depth, bootstrap samples of n rows, seed {@value
 * RandomForest#DEFAULT_SEED}. The whole coded training set must fit in the driver's and every
 * executor's memory (n x p bytes, twice on executors); see docs/scaling.md.
 */
public final class MnistRandomForestClassifier
    extends ProbabilisticClassifier<Vector, MnistRandomForestClassifier,
        MnistRandomForestClassificationModel>
    implements DefaultParamsWritable {

  private static final long serialVersionUID = 1L;

  /** The most classes, {@value}: labels must be whole numbers below it. */
  public static final int MAX_CLASSES = 1000;

  /** The stage's unique id. */
  private final String uid;
  /** The number of trees. */
  private final IntParam numTrees;
  /** Features tried per split. */
  private final IntParam mtry;
  /** The node size. */
  private final IntParam nodeSize;
  /** The greatest depth. */
  private final IntParam maxDepth;
  /** The seed. */
  private final LongParam seed;
  /** The number of tree-growing tasks. */
  private final IntParam treePartitions;
  /** Rows per chunk of the codes, a power of two; 0 for the default (tests use tiny chunks). */
  private int chunkRows;

  /** A classifier with a random uid and randomForest's defaults. */
  public MnistRandomForestClassifier() {
    this(Identifiable.randomUID("mnistRfc"));
  }

  /**
   * A classifier with the given uid, as Spark ML persistence creates it.
   *
   * @param uid the unique id of this stage
   */
  public MnistRandomForestClassifier(String uid) {
    this(StageIds.stash(uid), true);
  }

  private MnistRandomForestClassifier(String uid, boolean stashed) {
    // Spark's Scala superclasses create their params (featuresCol, ...) in their constructors and
    // read uid() then, before this field is set: StageIds holds the uid for them meanwhile.
    this.uid = uid;
    StageIds.clear();
    numTrees = new IntParam(this, "numTrees", "number of trees (ntree), >= 1",
        ParamValidators.gtEq(1));
    mtry = new IntParam(this, "mtry",
        "features tried at each split, 1..p; unset: floor(sqrt(p))", ParamValidators.gtEq(1));
    nodeSize = new IntParam(this, "nodeSize",
        "nodes with at most this many distinct in-bag rows are not split, >= 1",
        ParamValidators.gtEq(1));
    maxDepth = new IntParam(this, "maxDepth",
        "greatest depth of a node (root = 0), >= 1; unset: unlimited", ParamValidators.gtEq(1));
    seed = new LongParam(this, "seed", "the one seed of all randomness");
    treePartitions = new IntParam(this, "treePartitions",
        "tasks the trees are grown in (each a contiguous range); unset: the session's default "
            + "parallelism, at most numTrees", ParamValidators.gtEq(1));
    setDefault(numTrees, 500);
    setDefault(nodeSize, 1);
    setDefault(seed, RandomForest.DEFAULT_SEED);
  }

  /** @return the stage's unique id */
  @Override
  public String uid() {
    return uid != null ? uid : StageIds.pending();
  }

  /** @return the number of trees, default 500 */
  public IntParam numTrees() {
    return numTrees;
  }

  /** @return features tried per split; unset means floor(sqrt(p)) */
  public IntParam mtry() {
    return mtry;
  }

  /** @return the node size, default 1 */
  public IntParam nodeSize() {
    return nodeSize;
  }

  /** @return the greatest depth; unset means unlimited */
  public IntParam maxDepth() {
    return maxDepth;
  }

  /** @return the seed, default {@value RandomForest#DEFAULT_SEED} */
  public LongParam seed() {
    return seed;
  }

  /** @return the number of tree-growing tasks; unset means the default parallelism */
  public IntParam treePartitions() {
    return treePartitions;
  }

  /**
   * @param value number of trees, at least 1
   * @return this
   */
  public MnistRandomForestClassifier setNumTrees(int value) {
    set(numTrees, value);
    return this;
  }

  /**
   * @param value features tried at each split, 1..p
   * @return this
   */
  public MnistRandomForestClassifier setMtry(int value) {
    set(mtry, value);
    return this;
  }

  /**
   * @param value node size, at least 1
   * @return this
   */
  public MnistRandomForestClassifier setNodeSize(int value) {
    set(nodeSize, value);
    return this;
  }

  /**
   * @param value greatest depth, at least 1
   * @return this
   */
  public MnistRandomForestClassifier setMaxDepth(int value) {
    set(maxDepth, value);
    return this;
  }

  /**
   * @param value the seed
   * @return this
   */
  public MnistRandomForestClassifier setSeed(long value) {
    set(seed, value);
    return this;
  }

  /**
   * @param value tasks to grow the trees in, at least 1 (at most numTrees are used)
   * @return this
   */
  public MnistRandomForestClassifier setTreePartitions(int value) {
    set(treePartitions, value);
    return this;
  }

  /**
   * The forest's settings for these params: one thread per task, importance off.
   *
   * @return the settings
   */
  public RandomForest settings() {
    RandomForest.Builder b = RandomForest.builder()
        .trees((Integer) $(numTrees))
        .nodeSize((Integer) $(nodeSize))
        .seed((Long) $(seed))
        .threads(1);
    if (isDefined(mtry)) {
      b.mtry((Integer) $(mtry));
    }
    if (isDefined(maxDepth)) {
      b.maxDepth((Integer) $(maxDepth));
    }
    return b.build();
  }

  /**
   * Sets the rows per chunk of the broadcast codes, a power of two (0: the default).
   *
   * @throws IllegalArgumentException when rows is negative or not a power of two
   */
  MnistRandomForestClassifier withChunkRows(int rows) {
    if (rows < 0 || Integer.bitCount(rows) > 1) {
      throw new IllegalArgumentException("chunk rows must be 0 (the default) or a power of two, got " + rows);
    }
    chunkRows = rows;
    return this;
  }

  /**
   * Checks the columns on the driver, then fits.
   *
   * @param dataset rows with the label and features columns
   * @return the fitted model
   * @throws IllegalArgumentException when a column is missing or of the wrong type (before any
   *     job), or the data are not as the class comment says (after the first pass, before any
   *     tree is grown)
   */
  @Override
  public MnistRandomForestClassificationModel fit(Dataset<?> dataset) {
    StructType schema = dataset.schema();
    FrameChecks.requireVector(schema, getFeaturesCol());
    FrameChecks.requireNumeric(schema, getLabelCol());
    return super.fit(dataset);
  }

  @Override
  public MnistRandomForestClassificationModel train(Dataset<?> dataset) {
    long start = System.nanoTime();
    RandomForest settings = settings();
    JavaRDD<Row> rows = dataset.select(
        functions.col(getLabelCol()).cast(DataTypes.DoubleType), functions.col(getFeaturesCol()))
        .toJavaRDD();
    ForestBinning.Binned binned = ForestBinning.bin(rows, MAX_CLASSES, getLabelCol(),
        getFeaturesCol(), chunkRows);
    int p = binned.cols();
    if (isDefined(mtry) && (Integer) $(mtry) > p) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "mtry must be in 1..%d (the length of '%s'), got %d", p, getFeaturesCol(), $(mtry)));
    }
    int k = binned.maxLabel() + 1;
    int[] classes = new int[k];
    for (int c = 0; c < k; c++) {
      classes[c] = c;
    }
    ForestParts.BinnedData data = ForestParts.binned(binned.chunks(), binned.rows(), p,
        binned.lower(), binned.upper(), binned.labels(), classes);
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(dataset.sparkSession().sparkContext());
    int trees = settings.trees();
    int tasks = Math.min(trees,
        isDefined(treePartitions) ? (Integer) $(treePartitions) : jsc.defaultParallelism());
    Broadcast<SharedRows> shared = SharedRows.broadcast(jsc, data);
    List<int[]> ranges = new ArrayList<>();
    for (int t = 0; t < tasks; t++) {
      ranges.add(new int[] {(int) ((long) trees * t / tasks),
          (int) ((long) trees * (t + 1) / tasks)});
    }
    int numTrees = trees;
    Integer mtryValue = isDefined(mtry) ? (Integer) $(mtry) : null;
    int nodeSizeValue = (Integer) $(nodeSize);
    Integer maxDepthValue = isDefined(maxDepth) ? (Integer) $(maxDepth) : null;
    long seedValue = (Long) $(seed);
    List<ForestParts.TreeRange> grown;
    try {
      grown = jsc.parallelize(ranges, tasks).map(r -> {
        RandomForest.Builder b = RandomForest.builder().trees(numTrees).nodeSize(nodeSizeValue)
            .seed(seedValue).threads(1);
        if (mtryValue != null) {
          b.mtry(mtryValue);
        }
        if (maxDepthValue != null) {
          b.maxDepth(maxDepthValue);
        }
        return ForestParts.grow(b.build(), shared.value().data(), r[0], r[1]);
      }).collect();
    } finally {
      SharedRows.destroy(shared);
    }
    RandomForestModel forest = ForestParts.assemble(settings, data, grown,
        (System.nanoTime() - start) / 1e9);
    try {
      return new MnistRandomForestClassificationModel(uid + "_model", ModelBytes.of(forest));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot serialize the fitted forest", e);
    }
  }

  @Override
  public MnistRandomForestClassifier copy(ParamMap extra) {
    return defaultCopy(extra);
  }

  /**
   * The reader Spark ML persistence uses to load a saved classifier (its params).
   *
   * @return the reader
   */
  public static MLReader<MnistRandomForestClassifier> read() {
    return new DefaultParamsReader<>();
  }

  /**
   * Loads a classifier saved with {@code write().save(path)}.
   *
   * @param path the directory
   * @return the classifier with its params
   */
  public static MnistRandomForestClassifier load(String path) {
    return read().load(path);
  }
}
