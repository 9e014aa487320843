package org.mnistkit.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every bad input of the estimator and its model, with its message. */
class BadInputTest {

  private static SparkSession spark;
  private static Dataset<Row> frame;

  @TempDir
  static Path dir;

  @BeforeAll
  static void start() {
    spark = SparkTestSession.start();
    frame = new SparkData(40, 6, 2).frame(spark, 2);
  }

  private static IllegalArgumentException fitFails(Dataset<Row> df) {
    return assertThrows(IllegalArgumentException.class,
        () -> new MnistRandomForestClassifier().setNumTrees(2).fit(df));
  }

  private static Dataset<Row> rows(Row... rows) {
    return spark.createDataFrame(List.of(rows), IdxFrames.schema());
  }

  @Test
  void missingAndMistypedColumnsFailBeforeAnyJob() {
    long jobs = spark.sparkContext().statusTracker().getJobIdsForGroup(null).length;
    assertEquals("column 'features' not found; the columns are [label, pixels]",
        fitFails(frame.withColumnRenamed("features", "pixels")).getMessage());
    assertEquals("column 'label' not found; the columns are [y, features]",
        fitFails(frame.withColumnRenamed("label", "y")).getMessage());
    assertEquals("column 'features' must be an org.apache.spark.ml.linalg.Vector but is "
            + "array<double>; convert an array column with "
            + "org.apache.spark.ml.functions.array_to_vector",
        fitFails(frame.withColumn("features",
            org.apache.spark.ml.functions.vector_to_array(functions.col("features"), "float64")))
            .getMessage());
    assertEquals("column 'label' must be numeric (whole class numbers 0..k-1) but is string",
        fitFails(frame.withColumn("label", functions.col("label").cast("string"))).getMessage());
    assertEquals(jobs, spark.sparkContext().statusTracker().getJobIdsForGroup(null).length,
        "no job was launched");
  }

  @Test
  void wrongVectorLengthsNonWholeOrOutOfRangeLabelsAndTooFewRows() {
    assertEquals("every 'features' vector must have the same length; found lengths 2 and 3",
        fitFails(rows(RowFactory.create(0.0, Vectors.dense(0, 1, 0)),
            RowFactory.create(1.0, Vectors.dense(1, 0)))).getMessage());
    assertEquals("'label' must hold whole numbers in 0..999 (class indices); 1 rows do not, "
            + "such as 1.5",
        fitFails(rows(RowFactory.create(0.0, Vectors.dense(0, 1)),
            RowFactory.create(1.5, Vectors.dense(1, 0)))).getMessage());
    assertEquals("'label' must hold whole numbers in 0..999 (class indices); 1 rows do not, "
            + "such as -1.0",
        fitFails(rows(RowFactory.create(-1.0, Vectors.dense(0, 1)),
            RowFactory.create(1.0, Vectors.dense(1, 0)))).getMessage());
    assertEquals("'features' has 1 values that are NaN or infinite; the forest needs finite values",
        fitFails(rows(RowFactory.create(0.0, Vectors.dense(0, Double.NaN)),
            RowFactory.create(1.0, Vectors.dense(1, 0)))).getMessage());
    assertEquals("the forest needs at least 2 training rows, got 1",
        fitFails(rows(RowFactory.create(0.0, Vectors.dense(0, 1)))).getMessage());
    assertEquals("mtry must be in 1..6 (the length of 'features'), got 7",
        assertThrows(IllegalArgumentException.class,
            () -> new MnistRandomForestClassifier().setNumTrees(2).setMtry(7).fit(frame))
            .getMessage());
  }

  @Test
  void modelChecksItsInputAndUnreadableModelFilesAreNamed() throws IOException {
    MnistRandomForestClassificationModel model =
        new MnistRandomForestClassifier().setNumTrees(3).fit(frame);
    IllegalArgumentException taken = assertThrows(IllegalArgumentException.class,
        () -> model.transform(frame.withColumn("prediction", functions.lit(1.0))));
    assertEquals("output column 'prediction' already exists; choose another name",
        taken.getMessage());
    IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
        () -> model.transform(frame.drop("features")));
    assertEquals("column 'features' not found; the columns are [label]", missing.getMessage());

    String path = dir.resolve("model").toString();
    model.write().save(path);
    Path data = Path.of(path, "data", "forest.mnistkit");
    byte[] good = Files.readAllBytes(data);
    byte[] future = good.clone();
    future[7] = 99; // the layout version (big-endian int after the 4-byte magic): 99
    Files.write(data, future);
    Files.deleteIfExists(data.resolveSibling(".forest.mnistkit.crc")); // Hadoop's local checksum
    UncheckedIOException bad = assertThrows(UncheckedIOException.class,
        () -> MnistRandomForestClassificationModel.load(path));
    assertTrue(bad.getMessage().startsWith("cannot read the forest in "), bad.getMessage());
    assertTrue(bad.getMessage().contains("cannot load the mnistkit model (" + good.length
        + " bytes"), bad.getMessage());
  }
}
