package org.mnistkit.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mnistkit.nn.layers.Activation.RELU;
import static org.mnistkit.nn.layers.Activation.SOFTMAX;
import static org.mnistkit.nn.layers.Layers.dense;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mnistkit.core.tensor.FloatMatrix;
import org.mnistkit.eda.svd.Pca;
import org.mnistkit.eda.svd.PcaModel;
import org.mnistkit.eda.umap.Umap;
import org.mnistkit.eda.umap.UmapModel;
import org.mnistkit.nn.Loss;
import org.mnistkit.nn.Optimizer;
import org.mnistkit.nn.Sequential;

class ModelScoringTest {

  private static SparkSession spark;
  private static SparkData data;
  private static Dataset<Row> frame;

  @TempDir
  static Path dir;

  @BeforeAll
  static void start() {
    spark = SparkTestSession.start();
    data = new SparkData(90, 24, 11);
    frame = data.frame(spark, 3);
  }

  @Test
  void networkScoresEqualTheLocalOnesRowByRow() throws IOException {
    Sequential net = Sequential.of(dense(16, RELU).inputShape(24), dense(3, SOFTMAX))
        .compile(Optimizer.rmsprop(0.01), Loss.CATEGORICAL_CROSSENTROPY);
    net.fit(data.x, data.y, f -> f.epochs(3).batchSize(16).verbose(0));
    Path file = dir.resolve("net.mnistkit");
    net.save(file);
    FloatMatrix proba = net.predictProba(data.x, 1);
    int[] classes = net.predictClasses(data.x);
    List<Row> rows = ModelScoring.classify(frame, file, "features", 16)
        .select("label", "probability", "prediction").collectAsList();
    assertEquals(data.x.rows(), rows.size());
    for (int i = 0; i < rows.size(); i++) {
      assertEquals(data.y[i], rows.get(i).getDouble(0), "input columns are kept, in order");
      Vector p = (Vector) rows.get(i).get(1);
      for (int c = 0; c < 3; c++) {
        assertEquals(proba.get(i, c), p.apply(c), 1e-6, "row " + i);
      }
      assertEquals(classes[i], rows.get(i).getDouble(2), "row " + i);
    }
  }

  @Test
  void umapAndPcaPlaceRowsAsLocally() throws IOException {
    UmapModel umap = Umap.builder().nNeighbors(8).nEpochs(30).threads(1).seed(4).build()
        .fit(data.x.rowRange(0, 60));
    PcaModel pca = Pca.builder().nComponents(3).build().fit(data.x);
    Path umapFile = dir.resolve("m.umap");
    umap.save(umapFile);
    FloatMatrix expectedUmap = umap.transform(data.x, 1);
    FloatMatrix expectedPca = pca.transform(data.x, 1);
    // one partition, one batch: one local call on all rows
    List<Row> placed = ModelScoring.embed(data.frame(spark, 1), umapFile, "features", 1000)
        .select("embedding").collectAsList();
    // three partitions of 30 rows, batches of 20: the local transform of the same batches
    List<Row> batched = ModelScoring.embed(frame, umapFile, "features", 20)
        .select("embedding").collectAsList();
    List<Row> projected = ModelScoring.embed(frame, pca, "features", 7)
        .select("embedding").collectAsList();
    FloatMatrix[] batches = new FloatMatrix[6];
    for (int b = 0; b < 6; b++) {
      int from = (b / 2) * 30 + (b % 2) * 20;
      int to = (b / 2) * 30 + (b % 2 == 0 ? 20 : 30);
      batches[b] = umap.transform(data.x.rowRange(from, to), 1);
    }
    for (int i = 0; i < data.x.rows(); i++) {
      Vector u = (Vector) placed.get(i).get(0);
      Vector w = (Vector) batched.get(i).get(0);
      Vector q = (Vector) projected.get(i).get(0);
      int b = (i / 30) * 2 + (i % 30 < 20 ? 0 : 1);
      int r = i % 30 < 20 ? i % 30 : i % 30 - 20;
      assertEquals(umap.nComponents(), u.size());
      for (int j = 0; j < u.size(); j++) {
        assertEquals(expectedUmap.get(i, j), u.apply(j), 0.0, "UMAP row " + i);
        assertEquals(batches[b].get(r, j), w.apply(j), 0.0, "UMAP row " + i + " in its batch");
      }
      for (int j = 0; j < 3; j++) {
        assertEquals(expectedPca.get(i, j), q.apply(j), 1e-6, "PCA row " + i);
      }
    }
  }

  @Test
  void badInputFailsBeforeAnyJob() throws IOException {
    PcaModel pca = Pca.builder().nComponents(2).build().fit(data.x);
    IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
        () -> ModelScoring.embed(frame, pca, "pixels", 8));
    assertEquals("column 'pixels' not found; the columns are [label, features]",
        missing.getMessage());
    IllegalArgumentException typed = assertThrows(IllegalArgumentException.class,
        () -> ModelScoring.embed(frame, pca, "label", 8));
    assertEquals("column 'label' must be an org.apache.spark.ml.linalg.Vector but is double; "
        + "convert an array column with org.apache.spark.ml.functions.array_to_vector",
        typed.getMessage());
    Path pcaFile = dir.resolve("pca.bin");
    pca.save(pcaFile);
    IllegalArgumentException kind = assertThrows(IllegalArgumentException.class,
        () -> ModelScoring.classify(frame, pcaFile, "features", 8));
    assertEquals("the model is a PcaModel, not a Classifier; use embed for an Embedding",
        kind.getMessage());
    Path junk = Files.write(dir.resolve("junk.bin"), new byte[] {1, 2, 3, 4, 5, 6, 7, 8});
    IOException unreadable = assertThrows(IOException.class,
        () -> ModelScoring.embed(frame, junk, "features", 8));
    assertTrue(unreadable.getMessage().contains("cannot load the mnistkit model (8 bytes"),
        unreadable.getMessage());
    IllegalArgumentException batch = assertThrows(IllegalArgumentException.class,
        () -> ModelScoring.embed(frame, pca, "features", 0));
    assertEquals("batchSize must be >= 1, got 0", batch.getMessage());
  }
}
