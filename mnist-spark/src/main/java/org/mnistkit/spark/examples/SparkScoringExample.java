package org.mnistkit.spark.examples;

import static org.mnistkit.nn.layers.Activation.RELU;
import static org.mnistkit.nn.layers.Activation.SOFTMAX;
import static org.mnistkit.nn.layers.Layers.dense;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.mnistkit.core.data.DatasetLoader;
import org.mnistkit.core.data.DatasetSpec;
import org.mnistkit.core.data.LabeledImages;
import org.mnistkit.core.data.MnistDataset;
import org.mnistkit.core.metrics.ConfusionMatrix;
import org.mnistkit.eda.umap.Umap;
import org.mnistkit.nn.Loss;
import org.mnistkit.nn.Optimizer;
import org.mnistkit.nn.Sequential;
import org.mnistkit.spark.IdxFrames;
import org.mnistkit.spark.ModelScoring;

/**
 * Scores the MNIST test images on Spark with a saved network and places them into a saved UMAP
 * embedding, both through {@link ModelScoring}: prints the network's accuracy and the first
 * rows' coordinates.
 *
 * <pre>
 * MAVEN_OPTS="(the --add-opens flags of the README)" mvn -q -pl mnist-spark exec:java \
 *   -Dexec.mainClass=org.mnistkit.spark.examples.SparkScoringExample \
 *   -Dexec.args="--master local[2] --network mlp.mnistkit --umap mnist.umap"
 * </pre>
 *
 * <p>Options: {@code --master} (default {@code local[*]}), {@code --network} and {@code --umap}
 * (saved models; when absent, a 784-128-10 network is trained for one epoch on the first 6000
 * training images and a UMAP fitted on the first 2000, and saved in a temporary folder), {@code
 * --partitions} (default 4), {@code --batch} (default 512).
 */
public final class SparkScoringExample {

  private SparkScoringExample() {}

  /**
   * Parses the options, runs and prints.
   *
   * @param args the options of the class comment
   * @throws IOException when MNIST or a model cannot be read
   */
  public static void main(String[] args) throws IOException {
    String master = "local[*]";
    Path network = null;
    Path umap = null;
    int partitions = 4;
    int batch = 512;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--master" -> master = args[++i];
        case "--network" -> network = Path.of(args[++i]);
        case "--umap" -> umap = Path.of(args[++i]);
        case "--partitions" -> partitions = Integer.parseInt(args[++i]);
        case "--batch" -> batch = Integer.parseInt(args[++i]);
        default -> throw new IllegalArgumentException("unknown option " + args[i]
            + "; options: --master, --network, --umap, --partitions, --batch");
      }
    }
    DatasetLoader loader = DatasetLoader.defaults();
    loader.fetch(DatasetSpec.MNIST);
    Path dir = loader.cacheDir(DatasetSpec.MNIST);
    if (network == null || umap == null) {
      MnistDataset mnist = DatasetLoader.read(dir, DatasetSpec.MNIST, "cache");
      Path tmp = Files.createTempDirectory("mnistkit-scoring");
      if (network == null) {
        LabeledImages train = mnist.train().head(6000);
        Sequential net = Sequential.of(dense(128, RELU).inputShape(784), dense(10, SOFTMAX))
            .compile(Optimizer.rmsprop(0.001), Loss.CATEGORICAL_CROSSENTROPY);
        net.fit(train.toScaledMatrix(), train.labels(), f -> f.epochs(1).verbose(0));
        network = tmp.resolve("mlp.mnistkit");
        net.save(network);
      }
      if (umap == null) {
        umap = tmp.resolve("mnist.umap");
        Umap.builder().build().fit(mnist.train().head(2000).toScaledMatrix()).save(umap);
      }
    }
    SparkSession spark = SparkSession.builder().master(master).appName("SparkScoringExample")
        .config("spark.ui.enabled", "false").getOrCreate();
    try {
      Dataset<Row> test = IdxFrames.read(spark,
          dir.resolve(DatasetSpec.MNIST.testImages().name()).toString(),
          dir.resolve(DatasetSpec.MNIST.testLabels().name()).toString(), partitions);
      long t0 = System.nanoTime();
      List<Row> scored = ModelScoring.classify(test, network, "features", batch)
          .select("label", "prediction").collectAsList();
      double scoreSeconds = (System.nanoTime() - t0) / 1e9;
      int[] truth = scored.stream().mapToInt(r -> (int) r.getDouble(0)).toArray();
      int[] predicted = scored.stream().mapToInt(r -> (int) r.getDouble(1)).toArray();
      System.out.printf(Locale.ROOT, "network: %d test images scored in %.2f s, accuracy %.4f%n",
          truth.length, scoreSeconds, ConfusionMatrix.of(truth, predicted, 10).accuracy());
      t0 = System.nanoTime();
      Dataset<Row> placed = ModelScoring.embed(test, umap, "features", batch).cache();
      long count = placed.count();
      System.out.printf(Locale.ROOT, "UMAP: %d test images placed in %.2f s; the first five:%n",
          count, (System.nanoTime() - t0) / 1e9);
      placed.select("label", "embedding").show(5, false);
    } finally {
      spark.stop();
    }
  }
}
