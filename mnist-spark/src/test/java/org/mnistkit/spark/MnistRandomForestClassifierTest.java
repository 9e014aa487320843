package org.mnistkit.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.ml.evaluation.MulticlassClassificationEvaluator;
import org.apache.spark.ml.feature.VectorSlicer;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.tuning.CrossValidator;
import org.apache.spark.ml.tuning.CrossValidatorModel;
import org.apache.spark.ml.tuning.ParamGridBuilder;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mnistkit.core.tensor.FloatMatrix;
import org.mnistkit.forest.RandomForest;
import org.mnistkit.forest.RandomForestModel;

class MnistRandomForestClassifierTest {

  private static SparkSession spark;
  private static SparkData data;
  private static RandomForestModel local;

  @TempDir
  static Path dir;

  @BeforeAll
  static void start() {
    spark = SparkTestSession.start();
    data = new SparkData(160, 24, 5);
    local = RandomForest.builder().trees(11).seed(99).nodeSize(2).threads(2).build()
        .fit(data.x, data.y, new int[] {0, 1, 2});
  }

  private static MnistRandomForestClassifier estimator() {
    return new MnistRandomForestClassifier().setNumTrees(11).setSeed(99).setNodeSize(2);
  }

  private static void assertSameAsLocal(Dataset<Row> scored) {
    List<Row> rows = scored.select("prediction", "probability", "rawPrediction").collectAsList();
    int[] expected = local.predict(data.x);
    FloatMatrix proba = local.predictProba(data.x, 1);
    int[] votes = local.votes(data.x, 1);
    for (int i = 0; i < rows.size(); i++) {
      assertEquals(expected[i], rows.get(i).getDouble(0), "prediction of row " + i);
      Vector p = (Vector) rows.get(i).get(1);
      Vector raw = (Vector) rows.get(i).get(2);
      for (int c = 0; c < 3; c++) {
        assertEquals(proba.get(i, c), p.apply(c), 0.0, "probability of row " + i);
        assertEquals(votes[i * 3 + c], raw.apply(c), 0.0, "votes of row " + i);
      }
    }
    assertEquals(data.x.rows(), rows.size());
  }

  @Test
  void sparkForestEqualsTheLocalForestForAnyPartitioning() {
    for (int partitions : new int[] {1, 2, 7}) {
      Dataset<Row> frame = data.frame(spark, partitions);
      MnistRandomForestClassificationModel model =
          estimator().setTreePartitions(partitions).fit(frame);
      RandomForestModel forest = model.forest();
      assertEquals(11, forest.numTrees());
      for (int t = 0; t < 11; t++) {
        assertArrayEquals(local.predictTree(t, data.x), forest.predictTree(t, data.x),
            "tree " + t + " with " + partitions + " partitions");
      }
      assertEquals(local.oobError(), forest.oobError());
      assertSameAsLocal(model.transform(frame));
    }
  }

  @Test
  void codesInChunksOfEightRowsChangeNothing() {
    Dataset<Row> frame = data.frame(spark, 3);
    RandomForestModel forest = estimator().setTreePartitions(2).withChunkRows(8).fit(frame)
        .forest();
    for (int t = 0; t < 11; t++) {
      assertArrayEquals(local.predictTree(t, data.x), forest.predictTree(t, data.x), "tree " + t);
    }
    assertEquals(local.oobError(), forest.oobError());
    assertArrayEquals(local.oobVotes().data(), forest.oobVotes().data());
  }

  @Test
  void transformAddsTheThreeColumnsAndKeepsTheInput() {
    Dataset<Row> frame = data.frame(spark, 2);
    MnistRandomForestClassificationModel model = estimator().fit(frame);
    StructType out = model.transform(frame).schema();
    assertEquals(List.of("label", "features", "rawPrediction", "probability", "prediction"),
        Arrays.asList(out.fieldNames()));
    assertEquals(SQLDataTypes.VectorType(), out.apply("probability").dataType());
    assertEquals(SQLDataTypes.VectorType(), out.apply("rawPrediction").dataType());
    assertEquals(DataTypes.DoubleType, out.apply("prediction").dataType());
    assertEquals(3, model.numClasses());
    assertEquals(24, model.numFeatures());
    // Spark's transformSchema lists the same columns (in the order Spark adds them)
    StructType declared = model.transformSchema(frame.schema());
    assertEquals(new java.util.TreeSet<>(Arrays.asList(out.fieldNames())),
        new java.util.TreeSet<>(Arrays.asList(declared.fieldNames())));
    for (String c : out.fieldNames()) {
      assertEquals(out.apply(c).dataType(), declared.apply(c).dataType(), c);
    }
  }

  @Test
  void saveAndLoadRoundTrip() throws Exception {
    Dataset<Row> frame = data.frame(spark, 2);
    MnistRandomForestClassificationModel model = estimator().fit(frame)
        .setProbabilityCol("p");
    String path = dir.resolve("rf-model").toString();
    model.write().save(path);
    MnistRandomForestClassificationModel back = MnistRandomForestClassificationModel.load(path);
    assertEquals(model.uid(), back.uid());
    assertEquals("p", back.getProbabilityCol());
    assertSameAsLocal(back.setProbabilityCol("probability").transform(frame));
    // the data file is a plain mnistkit model file
    RandomForestModel file = RandomForestModel.load(Path.of(path, "data", "forest.mnistkit"));
    assertArrayEquals(local.predict(data.x), file.predict(data.x));

    String estimatorPath = dir.resolve("rf-estimator").toString();
    estimator().write().save(estimatorPath);
    MnistRandomForestClassifier est = MnistRandomForestClassifier.load(estimatorPath);
    assertEquals(11, (int) est.getOrDefault(est.numTrees()));
    assertEquals(99L, (long) est.getOrDefault(est.seed()));
  }

  @Test
  void crossValidatorPicksFromATwoPointGrid() {
    Dataset<Row> frame = data.frame(spark, 2);
    MnistRandomForestClassifier rf = new MnistRandomForestClassifier().setNumTrees(5).setSeed(3);
    ParamMap[] grid = new ParamGridBuilder().addGrid(rf.maxDepth(), new int[] {1, 8}).build();
    CrossValidator cv = new CrossValidator().setEstimator(rf).setEstimatorParamMaps(grid)
        .setEvaluator(new MulticlassClassificationEvaluator().setMetricName("accuracy"))
        .setNumFolds(2).setSeed(1);
    CrossValidatorModel fitted = cv.fit(frame);
    double[] metrics = fitted.avgMetrics();
    assertEquals(2, metrics.length);
    MnistRandomForestClassificationModel best =
        (MnistRandomForestClassificationModel) fitted.bestModel();
    int bestIndex = metrics[0] >= metrics[1] ? 0 : 1;
    assertEquals(bestIndex == 0 ? "1" : "8",
        best.forest().settings().maxDepth() == 1 ? "1" : "8");
    assertTrue(metrics[1] > 0.5, "depth 8 learns the informative features: " + metrics[1]);
  }

  @Test
  void sitsInAPipeline() {
    Dataset<Row> frame = data.frame(spark, 2);
    VectorSlicer slicer = new VectorSlicer().setInputCol("features").setOutputCol("first8")
        .setIndices(new int[] {0, 1, 2, 3, 4, 5, 6, 7});
    MnistRandomForestClassifier rf = estimator().setFeaturesCol("first8");
    PipelineModel model = new Pipeline().setStages(new PipelineStage[] {slicer, rf}).fit(frame);
    List<Row> rows = model.transform(frame).select("prediction").collectAsList();
    RandomForestModel first8 = RandomForest.builder().trees(11).seed(99).nodeSize(2).build()
        .fit(data.x.selectColumns(0, 1, 2, 3, 4, 5, 6, 7), data.y, new int[] {0, 1, 2});
    int[] expected = first8.predict(data.x.selectColumns(0, 1, 2, 3, 4, 5, 6, 7));
    for (int i = 0; i < rows.size(); i++) {
      assertEquals(expected[i], rows.get(i).getDouble(0));
    }
    assertNotNull(model.stages()[1]);
  }

  @Test
  void chunkRowsMustBeAPowerOfTwo() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> estimator().withChunkRows(12));
    assertEquals("chunk rows must be 0 (the default) or a power of two, got 12", e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> estimator().withChunkRows(-8));
    assertNotNull(estimator().withChunkRows(0).withChunkRows(1).withChunkRows(1 << 20));
  }
}
