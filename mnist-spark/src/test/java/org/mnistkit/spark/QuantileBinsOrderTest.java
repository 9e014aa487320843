package org.mnistkit.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.junit.jupiter.api.Test;

/**
 * The second pass over the training rows (QuantileBins.code) fingerprints the labels it reads, so
 * that rows given in another order than in the first pass are refused instead of being coded
 * against the wrong labels. No Spark session needed: the pass runs on one partition's rows.
 */
class QuantileBinsOrderTest {

  @Test
  void theSecondPassSeesTheFirstPassLabelsOnlyInTheSameOrder() {
    int[] labels = {3, 1, 4, 1, 5, 9, 2, 6};
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < labels.length; i++) {
      rows.add(RowFactory.create((double) labels[i], Vectors.dense(i * 0.5, 1.0)));
    }
    int[] features = {0};
    float[][] edges = {{1.0f, 2.0f}};
    QuantileBins.Coded same = QuantileBins.code(0, rows.iterator(), features, edges).next();
    assertEquals(labels.length, same.rows);
    assertEquals(QuantileBins.labelHash(labels, labels.length), same.labelHash);
    // codes: value i * 0.5 against edges 1 and 2 -> bins 0, 0, 0, 1, 1, 2, 2, 2 (a value on an edge goes below it)
    assertEquals(List.of(0, 0, 0, 1, 1, 2, 2, 2), toList(same.codes));

    List<Row> shuffled = new ArrayList<>(rows);
    Collections.swap(shuffled, 0, 2);
    QuantileBins.Coded other = QuantileBins.code(0, shuffled.iterator(), features, edges).next();
    assertEquals(labels.length, other.rows, "the same count, which the row check alone would accept");
    assertNotEquals(QuantileBins.labelHash(labels, labels.length), other.labelHash);
  }

  private static List<Integer> toList(byte[] codes) {
    List<Integer> out = new ArrayList<>();
    for (byte b : codes) {
      out.add((int) b);
    }
    return out;
  }
}
