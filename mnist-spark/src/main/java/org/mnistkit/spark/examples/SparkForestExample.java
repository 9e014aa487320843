package org.mnistkit.spark.examples;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.ml.classification.RandomForestClassificationModel;
import org.apache.spark.ml.classification.RandomForestClassifier;
import org.apache.spark.ml.evaluation.MulticlassClassificationEvaluator;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.tuning.ParamGridBuilder;
import org.apache.spark.ml.tuning.TrainValidationSplit;
import org.apache.spark.ml.tuning.TrainValidationSplitModel;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.mnistkit.core.data.DatasetLoader;
import org.mnistkit.core.data.DatasetSpec;
import org.mnistkit.core.data.LabeledImages;
import org.mnistkit.core.data.MnistDataset;
import org.mnistkit.core.metrics.ConfusionMatrix;
import org.mnistkit.forest.RandomForest;
import org.mnistkit.forest.RandomForestModel;
import org.mnistkit.spark.IdxFrames;
import org.mnistkit.spark.MnistRandomForestClassificationModel;
import org.mnistkit.spark.MnistRandomForestClassifier;

/**
 * Fits our random forest on Spark, Spark MLlib's random forest, and our local forest without
 * Spark, on the first {@code --train-size} MNIST training images, and scores each on the 10000
 * test images: fit time, accuracy and confusion matrix, or one JSON object with {@code --json}.
 *
 * <pre>
 * mvn -B install -DskipTests
 * MAVEN_OPTS="(the --add-opens flags of the README)" mvn -q -pl mnist-spark exec:java \
 *   -Dexec.mainClass=org.mnistkit.spark.examples.SparkForestExample \
 *   -Dexec.args="--master local[2] --train-size 3000 --trees 20 --partitions 2 --json"
 * </pre>
 *
 * <p>Options: {@code --master} (default {@code local[*]}), {@code --train-size} (default 60000),
 * {@code --trees} (default 20, MLlib's default count), {@code --partitions} (default 2; the
 * training frame's partitions and the tree tasks), {@code --seed} (default 123), {@code --json},
 * {@code --no-mllib} (skip MLlib's forest, whose fit on 60000 rows takes minutes; its JSON fields
 * are then null), {@code --repeats} (default 1: fit our forest on Spark and locally this many
 * times, alternating, after MLlib's one fit; the fit seconds are the medians, all times are in
 * {@code ours_fit_seconds_all} and {@code local_fit_seconds_all}; the first fit of each runs with a
 * cold JIT and, for Spark, its first jobs), {@code --tune} (then also
 * choose mtry 14 or 28 with a {@code Pipeline}, a {@code ParamGridBuilder} grid and a {@code
 * TrainValidationSplit}, {@link #tune}; printed on stderr).
 * MNIST comes from mnistkit's cache ({@code $MNISTKIT_HOME}, default {@code
 * ~/.mnistkit/datasets/mnist}), fetched first when missing. MLlib's forest runs with {@code
 * maxDepth} 30 (its maximum; ours is unlimited), {@code maxBins} 256, {@code
 * featureSubsetStrategy} "sqrt" and bootstrap on, the settings closest to ours.
 */
public final class SparkForestExample {

  private SparkForestExample() {}

  /**
   * What one run measured.
   *
   * @param rows training rows
   * @param trees trees per forest
   * @param partitions partitions and tree tasks
   * @param oursFitSeconds our forest's fit on Spark
   * @param oursAccuracy its test accuracy
   * @param localFitSeconds our forest's fit without Spark (all cores)
   * @param localAccuracy its test accuracy
   * @param mllibFitSeconds MLlib's fit
   * @param mllibAccuracy its test accuracy
   * @param oursConfusion our Spark forest's confusion matrix
   * @param oursFitAll every fit time of our forest on Spark, in run order (oursFitSeconds is
   *     their median)
   * @param localFitAll every fit time of our local forest, in run order (localFitSeconds is their
   *     median)
   */
  public record Result(int rows, int trees, int partitions, double oursFitSeconds,
      double oursAccuracy, double localFitSeconds, double localAccuracy, double mllibFitSeconds,
      double mllibAccuracy, ConfusionMatrix oursConfusion, double[] oursFitAll,
      double[] localFitAll) {

    /** @return the result as one line of JSON (a figure not measured is {@code null}) */
    public String toJson() {
      return String.format(Locale.ROOT,
          "{\"rows\": %d, \"trees\": %d, \"partitions\": %d, \"ours_fit_seconds\": %s, "
              + "\"ours_accuracy\": %s, \"local_fit_seconds\": %s, \"local_accuracy\": %s, "
              + "\"mllib_fit_seconds\": %s, \"mllib_accuracy\": %s, "
              + "\"ours_fit_seconds_all\": %s, \"local_fit_seconds_all\": %s}",
          rows, trees, partitions, num(oursFitSeconds), num(oursAccuracy), num(localFitSeconds),
          num(localAccuracy), num(mllibFitSeconds), num(mllibAccuracy), list(oursFitAll),
          list(localFitAll));
    }

    private static String list(double[] values) {
      StringBuilder b = new StringBuilder("[");
      for (int i = 0; i < values.length; i++) {
        b.append(i == 0 ? "" : ", ").append(num(values[i]));
      }
      return b.append(']').toString();
    }

    private static String num(double v) {
      return Double.isNaN(v) ? "null" : String.format(Locale.ROOT, "%.4f", v);
    }
  }

  /**
   * Runs the comparison.
   *
   * @param spark the session
   * @param mnistDir a folder with the four uncompressed MNIST files
   * @param trainSize training rows, 2..60000
   * @param trees trees per forest
   * @param partitions partitions and tree tasks
   * @param seed the seed of all three forests
   * @param mllib whether to fit MLlib's forest too (its fields are NaN otherwise)
   * @return what was measured
   * @throws IOException when the files cannot be read
   */
  public static Result run(SparkSession spark, Path mnistDir, int trainSize, int trees,
      int partitions, long seed, boolean mllib) throws IOException {
    return run(spark, mnistDir, trainSize, trees, partitions, seed, mllib, 1);
  }

  /**
   * As {@link #run(SparkSession, Path, int, int, int, long, boolean)}, fitting our forest on
   * Spark and locally {@code repeats} times each, alternating (MLlib's once).
   *
   * @param spark the session
   * @param mnistDir the folder of the four MNIST files
   * @param trainSize the first this many training images are used
   * @param trees trees per forest
   * @param partitions partitions of the frames and tree tasks
   * @param seed the seed of every forest
   * @param mllib whether to fit MLlib's forest too (its fields are NaN otherwise)
   * @param repeats fits of each of our forests, at least 1; the results hold the median times
   * @return what was measured
   * @throws IOException when the files cannot be read
   * @throws IllegalArgumentException when repeats &lt; 1
   */
  public static Result run(SparkSession spark, Path mnistDir, int trainSize, int trees,
      int partitions, long seed, boolean mllib, int repeats) throws IOException {
    if (repeats < 1) {
      throw new IllegalArgumentException("--repeats must be >= 1, got " + repeats);
    }
    DatasetSpec spec = DatasetSpec.MNIST;
    Dataset<Row> train = IdxFrames.read(spark,
        mnistDir.resolve(spec.trainImages().name()).toString(),
        mnistDir.resolve(spec.trainLabels().name()).toString(), partitions, trainSize).cache();
    Dataset<Row> test = IdxFrames.read(spark,
        mnistDir.resolve(spec.testImages().name()).toString(),
        mnistDir.resolve(spec.testLabels().name()).toString(), partitions).cache();
    int rows = (int) train.count();
    int[] truth = test.select("label").collectAsList().stream()
        .mapToInt(r -> (int) r.getDouble(0)).toArray();

    long t0 = System.nanoTime();
    MnistRandomForestClassificationModel ours = new MnistRandomForestClassifier()
        .setNumTrees(trees).setSeed(seed).setTreePartitions(partitions).fit(train);
    double oursFit = (System.nanoTime() - t0) / 1e9;
    ConfusionMatrix oursCm = ConfusionMatrix.of(truth, predictions(ours.transform(test)), 10);

    double mllibFit = Double.NaN;
    double mllibAccuracy = Double.NaN;
    if (mllib) {
      t0 = System.nanoTime();
      RandomForestClassificationModel theirs = new RandomForestClassifier().setNumTrees(trees)
          .setMaxDepth(30).setMaxBins(256).setFeatureSubsetStrategy("sqrt").setBootstrap(true)
          .setSeed(seed).fit(train);
      mllibFit = (System.nanoTime() - t0) / 1e9;
      mllibAccuracy = ConfusionMatrix.of(truth, predictions(theirs.transform(test)), 10)
          .accuracy();
    }

    MnistDataset local = DatasetLoader.read(mnistDir, spec, "cache");
    LabeledImages localTrain = local.train().head(rows);
    t0 = System.nanoTime();
    RandomForestModel forest = RandomForest.builder().trees(trees).seed(seed).build()
        .fit(localTrain);
    double[] oursAll = new double[repeats];
    double[] localAll = new double[repeats];
    oursAll[0] = oursFit;
    localAll[0] = (System.nanoTime() - t0) / 1e9;
    for (int r = 1; r < repeats; r++) {
      t0 = System.nanoTime();
      new MnistRandomForestClassifier().setNumTrees(trees).setSeed(seed)
          .setTreePartitions(partitions).fit(train);
      oursAll[r] = (System.nanoTime() - t0) / 1e9;
      t0 = System.nanoTime();
      RandomForest.builder().trees(trees).seed(seed).build().fit(localTrain);
      localAll[r] = (System.nanoTime() - t0) / 1e9;
    }
    oursFit = median(oursAll);
    double localFit = median(localAll);
    double localAccuracy = ConfusionMatrix.of(local.test().labels(), forest.predict(local.test()),
        10).accuracy();
    train.unpersist();
    test.unpersist();
    return new Result(rows, trees, partitions, oursFit, oursCm.accuracy(), localFit,
        localAccuracy, mllibFit, mllibAccuracy, oursCm, oursAll, localAll);
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int m = sorted.length / 2;
    return sorted.length % 2 == 1 ? sorted[m] : (sorted[m - 1] + sorted[m]) / 2;
  }

  /**
   * Tunes mtry with Spark's own tools: a {@code Pipeline} holding our estimator, a two-point
   * {@code ParamGridBuilder} grid and a {@code TrainValidationSplit} (75% train, 25% validation),
   * then scores the test set with the best pipeline.
   *
   * @param train the training frame
   * @param test the test frame
   * @param trees trees per forest
   * @param seed the seed
   * @return one line per grid point and one for the chosen model
   */
  public static List<String> tune(Dataset<Row> train, Dataset<Row> test, int trees, long seed) {
    MnistRandomForestClassifier rf = new MnistRandomForestClassifier().setNumTrees(trees)
        .setSeed(seed);
    Pipeline pipeline = new Pipeline().setStages(new PipelineStage[] {rf});
    ParamMap[] grid = new ParamGridBuilder().addGrid(rf.mtry(), new int[] {14, 28}).build();
    MulticlassClassificationEvaluator accuracy =
        new MulticlassClassificationEvaluator().setMetricName("accuracy");
    TrainValidationSplitModel tuned = new TrainValidationSplit().setEstimator(pipeline)
        .setEstimatorParamMaps(grid).setEvaluator(accuracy).setTrainRatio(0.75).setSeed(seed)
        .fit(train);
    List<String> lines = new java.util.ArrayList<>();
    for (int g = 0; g < grid.length; g++) {
      lines.add(String.format(Locale.ROOT, "mtry %s: validation accuracy %.4f",
          grid[g].apply(rf.mtry()), tuned.validationMetrics()[g]));
    }
    PipelineModel best = (PipelineModel) tuned.bestModel();
    MnistRandomForestClassificationModel forest =
        (MnistRandomForestClassificationModel) best.stages()[0];
    lines.add(String.format(Locale.ROOT, "chosen: mtry %d, test accuracy %.4f",
        forest.forest().mtry(), accuracy.evaluate(best.transform(test))));
    return lines;
  }

  private static int[] predictions(Dataset<Row> scored) {
    List<Row> rows = scored.select("prediction").collectAsList();
    return rows.stream().mapToInt(r -> (int) r.getDouble(0)).toArray();
  }

  /**
   * Parses the options, runs and prints.
   *
   * @param args the options of the class comment
   * @throws IOException when MNIST cannot be fetched or read
   */
  public static void main(String[] args) throws IOException {
    String master = "local[*]";
    int trainSize = 60000;
    int trees = 20;
    int partitions = 2;
    long seed = RandomForest.DEFAULT_SEED;
    boolean json = false;
    boolean mllib = true;
    boolean tune = false;
    int repeats = 1;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--master" -> master = args[++i];
        case "--train-size" -> trainSize = Integer.parseInt(args[++i]);
        case "--trees" -> trees = Integer.parseInt(args[++i]);
        case "--partitions" -> partitions = Integer.parseInt(args[++i]);
        case "--seed" -> seed = Long.parseLong(args[++i]);
        case "--json" -> json = true;
        case "--no-mllib" -> mllib = false;
        case "--tune" -> tune = true;
        case "--repeats" -> repeats = Integer.parseInt(args[++i]);
        default -> throw new IllegalArgumentException("unknown option " + args[i]
            + "; options: --master, --train-size, --trees, --partitions, --seed, --json, "
            + "--no-mllib, --repeats, --tune");
      }
    }
    DatasetLoader loader = DatasetLoader.defaults();
    loader.fetch(DatasetSpec.MNIST);
    SparkSession spark = SparkSession.builder().master(master).appName("SparkForestExample")
        .config("spark.ui.enabled", "false").getOrCreate();
    try {
      Result r = run(spark, loader.cacheDir(DatasetSpec.MNIST), trainSize, trees, partitions,
          seed, mllib, repeats);
      if (tune) {
        Path dir = loader.cacheDir(DatasetSpec.MNIST);
        DatasetSpec spec = DatasetSpec.MNIST;
        Dataset<Row> train = IdxFrames.read(spark, dir.resolve(spec.trainImages().name())
            .toString(), dir.resolve(spec.trainLabels().name()).toString(), partitions, trainSize);
        Dataset<Row> test = IdxFrames.read(spark, dir.resolve(spec.testImages().name()).toString(),
            dir.resolve(spec.testLabels().name()).toString(), partitions);
        tune(train, test, trees, seed).forEach(line -> System.err.println("tune: " + line));
      }
      if (json) {
        System.out.println(r.toJson());
      } else {
        System.out.printf(Locale.ROOT, "%d training rows, %d trees, %d partitions%n", r.rows(),
            r.trees(), r.partitions());
        System.out.printf(Locale.ROOT, "ours on Spark: fit %.2f s, accuracy %.4f%n",
            r.oursFitSeconds(), r.oursAccuracy());
        System.out.println(r.oursConfusion());
        if (mllib) {
          System.out.printf(Locale.ROOT, "MLlib:         fit %.2f s, accuracy %.4f%n",
              r.mllibFitSeconds(), r.mllibAccuracy());
        } else {
          System.out.println("MLlib:         skipped (--no-mllib)");
        }
        System.out.printf(Locale.ROOT, "ours local:    fit %.2f s, accuracy %.4f%n",
            r.localFitSeconds(), r.localAccuracy());
      }
    } finally {
      spark.stop();
    }
  }
}
