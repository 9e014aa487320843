package org.mnistkit.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mnistkit.core.testing.IdxFixtures;

class IdxFramesTest {

  private static SparkSession spark;

  @TempDir
  static Path dir;

  @BeforeAll
  static void start() {
    spark = SparkTestSession.start();
  }

  private static Path[] pair(int n, boolean gzip) throws IOException {
    byte[] images = IdxFixtures.bytes(IdxFixtures.images(n, 28, 28));
    byte[] labels = IdxFixtures.bytes(IdxFixtures.labels(n, 10));
    String suffix = gzip ? ".gz" : "";
    return new Path[] {
        IdxFixtures.write(dir, n + "-images" + suffix, gzip ? IdxFixtures.gzip(images) : images),
        IdxFixtures.write(dir, n + "-labels" + suffix, gzip ? IdxFixtures.gzip(labels) : labels)};
  }

  private static void checkFrame(Dataset<Row> df, int n, int partitions) {
    assertEquals(partitions, df.rdd().getNumPartitions());
    assertEquals(IdxFrames.schema(), df.schema());
    List<Row> rows = df.collectAsList();
    assertEquals(n, rows.size());
    int[] counts = new int[10];
    for (int i = 0; i < n; i++) {
      Row r = rows.get(i);
      double label = r.getDouble(0);
      assertEquals(i % 10, label, "label of row " + i + " in file order");
      counts[(int) label]++;
      Vector v = (Vector) r.get(1);
      assertEquals(784, v.size());
      for (int j = 0; j < 784; j++) {
        double x = v.apply(j);
        assertTrue(x >= 0 && x <= 1, "value in [0, 1]: " + x);
        assertEquals((float) ((i * 31 + j) % 256) / 255f, (float) x, 0f);
      }
    }
    int[] expected = new int[10];
    for (int i = 0; i < n; i++) {
      expected[i % 10]++;
    }
    assertArrayEquals(expected, counts);
  }

  @Test
  void readsRowsLabelsAndScaledFeaturesInFileOrder() throws IOException {
    Path[] p = pair(23, false);
    checkFrame(IdxFrames.read(spark, p[0].toString(), p[1].toString(), 3), 23, 3);
  }

  @Test
  void readsTheFirstRows() throws IOException {
    Path[] p = pair(30, false);
    checkFrame(IdxFrames.read(spark, p[0].toString(), p[1].toString(), 4, 17), 17, 4);
    checkFrame(IdxFrames.read(spark, p[0].toString(), p[1].toString(), 2, 1000), 30, 2);
  }

  @Test
  void readsGzippedFilesAndOnePartition() throws IOException {
    Path[] p = pair(12, true);
    checkFrame(IdxFrames.read(spark, p[0].toString(), p[1].toString(), 1), 12, 1);
    checkFrame(IdxFrames.read(spark, p[0].toString(), p[1].toString(), 5), 12, 5);
  }

  @Test
  void rejectsMismatchedCountsAndBadPartitions() throws IOException {
    Path[] a = pair(10, false);
    Path[] b = pair(11, false);
    IOException e = assertThrows(IOException.class,
        () -> IdxFrames.read(spark, a[0].toString(), b[1].toString(), 2));
    assertTrue(e.getMessage().contains("holds 10 images but"), e.getMessage());
    IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
        () -> IdxFrames.read(spark, a[0].toString(), a[1].toString(), 11));
    assertEquals("partitions must be in 1..10 (the number of images), got 11", bad.getMessage());
    IOException swapped = assertThrows(IOException.class,
        () -> IdxFrames.read(spark, a[1].toString(), a[0].toString(), 2));
    assertTrue(swapped.getMessage().contains("expected IDX magic 0x00000803"),
        swapped.getMessage());
  }
}
