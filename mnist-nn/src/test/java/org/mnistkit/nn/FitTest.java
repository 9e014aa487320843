package org.mnistkit.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mnistkit.core.testing.TestAssertions.assertClose;
import static org.mnistkit.nn.layers.Activation.RELU;
import static org.mnistkit.nn.layers.Activation.SOFTMAX;
import static org.mnistkit.nn.layers.Layers.dense;
import static org.mnistkit.nn.layers.Layers.dropout;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mnistkit.core.tensor.FloatMatrix;

class FitTest {

  private static Sequential model() {
    return Sequential.of(dense(16, RELU).inputShape(6), dropout(0.2), dense(3, SOFTMAX))
        .compile(Optimizer.rmsprop(0.01), Loss.CATEGORICAL_CROSSENTROPY, Metric.ACCURACY);
  }

  @Test
  void learnsTinySeparableData() {
    TinyData d = TinyData.of(60, 6, 3, 1);
    Sequential m = model();
    History h = m.fit(d.x, d.y, f -> f.epochs(15).batchSize(8).verbose(0));
    assertEquals(15, h.epochs());
    assertEquals(List.of("loss", "accuracy"), h.names());
    double[] loss = h.get("loss");
    assertTrue(loss[14] < loss[0] / 2, "loss falls: " + loss[0] + " -> " + loss[14]);
    assertEquals(1.0, m.evaluate(d.x, d.y).get("accuracy"));
    assertArrayEquals(d.labels, m.predictClasses(d.x));
  }

  @Test
  void validationSplitHoldsOutTheLastRowsBeforeShuffling() {
    TinyData d = TinyData.of(20, 6, 3, 2);
    Sequential m = model();
    History h = m.fit(d.x, d.y, f -> f.epochs(1).batchSize(4).validationSplit(0.25).verbose(0));
    assertEquals(15, h.trainSamples(), "floor(20 * 0.75)");
    assertEquals(5, h.validationSamples());
    assertEquals(List.of("loss", "accuracy", "val_loss", "val_accuracy"), h.names());
    // The validation figures are those of the last 5 rows under the final weights.
    Map<String, Double> lastRows = m.evaluate(d.x.rowRange(15, 20), d.y.rowRange(15, 20));
    assertEquals(lastRows.get("loss"), h.last("val_loss"), 1e-12);
    assertEquals(lastRows.get("accuracy"), h.last("val_accuracy"), 1e-12);
    Map<String, Double> firstRows = m.evaluate(d.x.rowRange(0, 5), d.y.rowRange(0, 5));
    assertFalse(firstRows.get("loss").equals(h.last("val_loss")));
  }

  @Test
  void validationDataIsEvaluatedAfterEachEpoch() {
    TinyData d = TinyData.of(24, 6, 3, 3);
    TinyData v = TinyData.of(7, 6, 3, 4);
    Sequential m = model();
    History h = m.fit(d.x, d.y, f -> f.epochs(2).validationData(v.x, v.y).verbose(0));
    assertEquals(7, h.validationSamples());
    assertEquals(m.evaluate(v.x, v.y).get("loss"), h.last("val_loss"), 1e-12);
  }

  @Test
  void evaluateCountsEveryRowIncludingTheLastPartialBatch() {
    TinyData d = TinyData.of(10, 6, 3, 5);
    Sequential m = model();
    FloatMatrix p = m.predict(d.x, 4);
    double loss = 0;
    int correct = 0;
    for (int i = 0; i < 10; i++) {
      loss -= Math.log(Math.max(1e-7, p.get(i, d.labels[i])));
      correct += p.rowCopy(i)[d.labels[i]] == max(p.rowCopy(i)) ? 1 : 0;
    }
    Map<String, Double> e = m.evaluate(d.x, d.y, 4);
    assertClose(e.get("loss"), loss / 10, 1e-6, 0);
    assertEquals(correct / 10.0, e.get("accuracy"));
    assertEquals(e.get("loss"), m.evaluate(d.x, d.y, 3).get("loss"), 1e-6, "batch size does not matter");
    assertEquals(e.get("loss"), m.evaluate(d.x, d.y, 10).get("loss"), 1e-6);
    assertEquals(e.get("loss"), m.evaluate(d.x, d.labels).get("loss"), 1e-6, "int[] labels are one-hot encoded");
    assertEquals(10, p.rows());
    for (int i = 0; i < 10; i++) {
      float s = 0;
      for (float v : p.rowCopy(i)) {
        s += v;
      }
      assertEquals(1f, s, 1e-5f, "softmax rows sum to 1");
    }
  }

  private static float max(float[] v) {
    float m = v[0];
    for (float f : v) {
      m = Math.max(m, f);
    }
    return m;
  }

  @Test
  void sameSeedSameDataGivesIdenticalWeightsAndMetrics() {
    TinyData d = TinyData.of(30, 6, 3, 6);
    Sequential a = model();
    Sequential b = model();
    assertArrayEquals(a.getWeights(), b.getWeights(), "same initialization seed");
    History ha = a.fit(d.x, d.y, f -> f.epochs(3).batchSize(7).seed(42).verbose(0));
    History hb = b.fit(d.x, d.y, f -> f.epochs(3).batchSize(7).seed(42).verbose(0));
    assertArrayEquals(a.getWeights(), b.getWeights());
    assertArrayEquals(ha.get("loss"), hb.get("loss"));
    assertArrayEquals(ha.get("accuracy"), hb.get("accuracy"));
    assertEquals(42, ha.options().seed());

    Sequential c = model();
    c.fit(d.x, d.y, f -> f.epochs(3).batchSize(7).seed(43).verbose(0));
    assertFalse(java.util.Arrays.equals(a.getWeights(), c.getWeights()), "another shuffle and dropout seed");
    Sequential e = Sequential.of(dense(16, RELU).inputShape(6), dropout(0.2), dense(3, SOFTMAX)).seed(5)
        .compile(Optimizer.rmsprop(0.01), Loss.CATEGORICAL_CROSSENTROPY, Metric.ACCURACY);
    assertFalse(java.util.Arrays.equals(model().getWeights(), e.getWeights()), "another initialization seed");
  }

  @Test
  void sparseLabelsAndStringCompile() {
    TinyData d = TinyData.of(30, 6, 3, 7);
    Sequential m = Sequential.of(dense(8, "relu").inputShape(6), dense(3, "softmax"))
        .compile("adam", "sparse_categorical_crossentropy", "acc");
    assertEquals(Loss.SPARSE_CATEGORICAL_CROSSENTROPY, m.loss());
    History h = m.fit(d.x, d.labels, f -> f.epochs(2).verbose(0));
    assertEquals(2, h.epochs());
    Map<String, Double> sparse = m.evaluate(d.x, d.labels);
    Sequential c = Sequential.of(dense(8, "relu").inputShape(6), dense(3, "softmax"))
        .compile("adam", "categorical_crossentropy", "accuracy");
    c.setWeights(m.getWeights());
    Map<String, Double> categorical = c.evaluate(d.x, d.y);
    assertEquals(categorical.get("loss"), sparse.get("loss"), 1e-9, "same loss for the same predictions");
    assertEquals(categorical.get("accuracy"), sparse.get("accuracy"));
  }

  @Test
  void recompileKeepsTheWeights() {
    Sequential m = model();
    float[] w = m.getWeights();
    m.compile(Optimizer.sgd(0.1, 0.9), Loss.CATEGORICAL_CROSSENTROPY, Metric.ACCURACY);
    assertArrayEquals(w, m.getWeights());
    TinyData d = TinyData.of(12, 6, 3, 8);
    m.fit(d.x, d.y, f -> f.verbose(0));
    assertFalse(java.util.Arrays.equals(w, m.getWeights()));
  }
}
