package org.mnistkit.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mnistkit.core.tensor.FloatMatrix;
import org.mnistkit.forest.RandomForest;
import org.mnistkit.forest.RandomForestModel;

/**
 * Features with more than 256 distinct values: binned by edges from per-partition samples, the
 * local forest's edges exactly when every partition has at most QuantileBins.SAMPLE rows; and the
 * codes in tiny chunks, which change nothing.
 */
class ManyValuesTest {

  private static SparkSession spark;
  private static JavaSparkContext jsc;

  @BeforeAll
  static void start() {
    spark = SparkTestSession.start();
    jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
  }

  /**
   * n rows: feature 0 continuous (class signal), feature 1 continuous noise, features 2..3
   * pixels; class = x0 &gt; 0.3 ? 1 : 0, with 5% of labels flipped.
   */
  private static FloatMatrix rows(int n, int[] y, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    float[] x = new float[n * 4];
    for (int i = 0; i < n; i++) {
      x[i * 4] = (float) r.nextGaussian();
      x[i * 4 + 1] = (float) (r.nextDouble() * 100);
      x[i * 4 + 2] = r.nextInt(256) / 255f;
      x[i * 4 + 3] = r.nextInt(3) / 255f;
      y[i] = (x[i * 4] > 0.3f) ^ (r.nextInt(20) == 0) ? 1 : 0;
    }
    return FloatMatrix.wrap(n, 4, x);
  }

  private static Dataset<Row> frame(FloatMatrix x, int[] y, int partitions) {
    List<Row> list = new ArrayList<>();
    for (int i = 0; i < x.rows(); i++) {
      double[] v = new double[x.cols()];
      for (int f = 0; f < v.length; f++) {
        v[f] = x.get(i, f);
      }
      list.add(RowFactory.create((double) y[i], Vectors.dense(v)));
    }
    return spark.createDataFrame(jsc.parallelize(list, partitions), IdxFrames.schema());
  }

  @Test
  void edgesAreTheLocalRuleOnCompleteSamples() {
    List<QuantileBins.Reservoir> samples = new ArrayList<>();
    for (int part = 0; part < 2; part++) {
      QuantileBins.Reservoir r = new QuantileBins.Reservoir(part, 0);
      for (int v = 1 + part * 500; v <= 500 + part * 500; v++) {
        r.add(v);
      }
      samples.add(r);
    }
    float[] edges = QuantileBins.edges(samples, 1000);
    assertEquals(255, edges.length);
    assertEquals(4f, edges[0], "the value at rank ceil(1000 / 256) = 4");
    assertEquals(997f, edges[254], "the value at rank ceil(255 * 1000 / 256) = 997");
    assertEquals(8f, edges[1]);
  }

  @Test
  void edgesFromSampledPartitionsAreNearTheQuantiles() {
    QuantileBins.Reservoir r = new QuantileBins.Reservoir(3, 1);
    for (int v = 0; v < 100_000; v++) {
      r.add(v);
    }
    QuantileBins.Reservoir small = new QuantileBins.Reservoir(4, 1);
    for (int v = 100_000; v < 110_000; v++) {
      small.add(v);
    }
    float[] edges = QuantileBins.edges(List.of(r, small), 110_000);
    assertTrue(edges.length > 240 && edges.length <= 255, "edges: " + edges.length);
    for (int b = 0; b < edges.length; b += 32) {
      double expected = (b + 1) * 110_000.0 / 256;
      assertEquals(expected, edges[b], 2500, "edge " + b); // sample of 4096: sd about 800
    }
  }

  @Test
  void sparkEqualsLocalWhenPartitionsAreSampledWhole() {
    int n = 700;
    int[] y = new int[n];
    FloatMatrix x = rows(n, y, 1);
    RandomForestModel local = RandomForest.builder().trees(6).seed(4).threads(1).build()
        .fit(x, y, new int[] {0, 1});
    Dataset<Row> train = frame(x, y, 3).cache();
    MnistRandomForestClassificationModel model = new MnistRandomForestClassifier()
        .setNumTrees(6).setSeed(4).setTreePartitions(2).withChunkRows(16).fit(train);
    RandomForestModel forest = model.forest();
    for (int t = 0; t < 6; t++) {
      assertArrayEquals(local.predictTree(t, x), forest.predictTree(t, x), "tree " + t);
    }
    assertArrayEquals(local.predictProba(x, 1).data(), forest.predictProba(x, 1).data());
    train.unpersist();
  }

  @Test
  void sampledFeaturesGetAtMost256BinsAndTheForestLearns() {
    int n = 9000;
    int[] y = new int[n];
    FloatMatrix x = rows(n, y, 2);
    JavaRDD<Row> rdd = frame(x, y, 2).toJavaRDD(); // 4500 rows per partition: sampled
    ForestBinning.Binned binned = ForestBinning.bin(rdd, 1000, "label", "features", 0);
    assertEquals(2, binned.binnedFeatures());
    for (int f = 0; f < 2; f++) {
      int bins = binned.lower()[f].length;
      assertTrue(bins > 200 && bins <= 256, "feature " + f + ": " + bins + " bins");
      int[] count = new int[bins];
      for (int i = 0; i < n; i++) {
        int b = binned.chunks()[0][i * 4 + f] & 0xFF;
        count[b]++;
        assertTrue(binned.lower()[f][b] <= x.get(i, f) && x.get(i, f) <= binned.upper()[f][b]);
      }
      for (int b = 0; b < bins; b++) {
        assertTrue(count[b] > 0 && count[b] < 4 * n / 256, "bin " + b + ": " + count[b]);
      }
    }
    assertEquals(256, binned.lower()[2].length, "pixels stay exact");
    assertEquals(3, binned.lower()[3].length);

    Dataset<Row> train = frame(x, y, 2).cache();
    MnistRandomForestClassificationModel model = new MnistRandomForestClassifier()
        .setNumTrees(10).setSeed(1).setMaxDepth(8).fit(train);
    int[] test = new int[2000];
    FloatMatrix xt = rows(2000, test, 3);
    int[] pred = model.forest().predict(xt);
    int right = 0;
    for (int i = 0; i < test.length; i++) {
      right += pred[i] == test[i] ? 1 : 0;
    }
    assertTrue(right >= 1860, "accuracy " + right + " / 2000 (5% of labels are flipped)");
    train.unpersist();
  }
}
