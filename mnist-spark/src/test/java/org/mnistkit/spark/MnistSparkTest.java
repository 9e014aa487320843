package org.mnistkit.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.mnistkit.core.data.DatasetLoader;
import org.mnistkit.core.data.DatasetSpec;
import org.mnistkit.core.data.LabeledImages;
import org.mnistkit.core.data.MnistDataset;
import org.mnistkit.core.testing.RealData;
import org.mnistkit.forest.RandomForest;
import org.mnistkit.forest.RandomForestModel;

/** Real MNIST read by IdxFrames and a forest grown on Spark against the local one. */
@Tag("mnist")
class MnistSparkTest {

  @Test
  void readsMnistAndGrowsTheLocalForest() throws Exception {
    MnistDataset mnist = RealData.mnist();
    Path dir = DatasetLoader.defaults().cacheDir(DatasetSpec.MNIST);
    SparkSession spark = SparkTestSession.start();
    Dataset<Row> train = IdxFrames.read(spark,
        dir.resolve(DatasetSpec.MNIST.trainImages().name()).toString(),
        dir.resolve(DatasetSpec.MNIST.trainLabels().name()).toString(), 4);
    assertEquals(60000, train.count());
    List<Row> counts = train.groupBy("label").count().orderBy("label").collectAsList();
    long[] expected = {5923, 6742, 5958, 6131, 5842, 5421, 5918, 6265, 5851, 5949};
    for (int c = 0; c < 10; c++) {
      assertEquals(c, counts.get(c).getDouble(0));
      assertEquals(expected[c], counts.get(c).getLong(1), "class " + c);
    }
    assertEquals(784, ((org.apache.spark.ml.linalg.Vector) train.first().get(1)).size());

    LabeledImages test = mnist.test();
    Dataset<Row> testFrame = IdxFrames.read(spark,
        dir.resolve(DatasetSpec.MNIST.testImages().name()).toString(),
        dir.resolve(DatasetSpec.MNIST.testLabels().name()).toString(), 3);
    MnistRandomForestClassificationModel model = new MnistRandomForestClassifier()
        .setNumTrees(8).setSeed(5).setTreePartitions(2).fit(testFrame);
    RandomForestModel local = RandomForest.builder().trees(8).seed(5).build()
        .fit(test.toScaledMatrix(), test.labels(), new int[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9});
    int[] localPredictions = local.predict(test.toScaledMatrix());
    assertArrayEquals(localPredictions, model.forest().predict(test.toScaledMatrix()));
    List<Row> scored = model.transform(testFrame).select("prediction").collectAsList();
    for (int i = 0; i < scored.size(); i++) {
      assertEquals(localPredictions[i], scored.get(i).getDouble(0), "row " + i);
    }
  }
}
