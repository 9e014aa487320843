package org.mnistkit.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mnistkit.core.testing.TestAssertions.assertThrowsWithMessage;
import static org.mnistkit.nn.layers.Activation.RELU;
import static org.mnistkit.nn.layers.Activation.SIGMOID;
import static org.mnistkit.nn.layers.Activation.SOFTMAX;
import static org.mnistkit.nn.layers.Layers.conv2d;
import static org.mnistkit.nn.layers.Layers.dense;
import static org.mnistkit.nn.layers.Layers.flatten;
import static org.mnistkit.nn.layers.Layers.maxPooling2d;

import org.junit.jupiter.api.Test;
import org.mnistkit.core.model.ClassificationReport;
import org.mnistkit.core.model.Classifier;
import org.mnistkit.core.tensor.FloatMatrix;

/** Sequential as mnistkit's shared {@link Classifier}. */
class ClassifierTest {

  private static Sequential mlp() {
    return Sequential.of(dense(16, RELU).inputShape(6), dense(3, SOFTMAX))
        .compile(Optimizer.rmsprop(0.01), Loss.CATEGORICAL_CROSSENTROPY, Metric.ACCURACY);
  }

  @Test
  void classesFeaturesAndProbabilities() {
    TinyData d = TinyData.of(30, 6, 3, 1);
    Sequential m = mlp();
    m.fit(d.x, d.y, f -> f.epochs(20).batchSize(5).verbose(0));
    Classifier c = m;
    assertArrayEquals(new int[] {0, 1, 2}, c.classes());
    assertEquals(6, c.numFeatures());
    FloatMatrix p = c.predictProba(d.x);
    assertEquals(m.predict(d.x), p);
    for (int i = 0; i < p.rows(); i++) {
      double sum = 0;
      for (int k = 0; k < 3; k++) {
        sum += p.get(i, k);
      }
      assertEquals(1, sum, 1e-5);
    }
    assertArrayEquals(m.predictClasses(d.x), c.predictClasses(d.x, 2));
    ClassificationReport report = c.classificationReport(d.x, d.labels);
    assertEquals(m.evaluate(d.x, d.y).get("accuracy"), report.accuracy(), 1e-12);
  }

  @Test
  void convnetTakesFlattenedImageRows() {
    Sequential m = Sequential.of(conv2d(2, 3, RELU).inputShape(28, 28, 1), maxPooling2d(2), flatten(),
        dense(10, SOFTMAX)).compile(Optimizer.adam(), Loss.CATEGORICAL_CROSSENTROPY);
    assertEquals(784, m.numFeatures());
    assertEquals(10, m.numClasses());
  }

  @Test
  void threadsDoNotChangeTheProbabilities() {
    // 1300 rows: six blocks of 256 rows and a partial last batch, spread over up to 4 threads.
    TinyData d = TinyData.of(1300, 6, 3, 2);
    Sequential m = mlp();
    m.fit(d.x.rowRange(0, 100), d.y.rowRange(0, 100), f -> f.epochs(1).verbose(0));
    FloatMatrix one = m.predictProba(d.x, 1);
    assertEquals(m.predict(d.x), one);
    for (int threads : new int[] {2, 3, 4, 16}) {
      assertEquals(one, m.predictProba(d.x, threads), "threads " + threads);
    }
  }

  @Test
  void badCallsAreNamed() {
    TinyData d = TinyData.of(4, 6, 3, 3);
    Sequential m = mlp();
    assertThrowsWithMessage(IllegalArgumentException.class, () -> m.predictProba(d.x, 0),
        "threads must be >= 1, got 0");
    assertThrowsWithMessage(IllegalArgumentException.class, () -> m.predictProba(FloatMatrix.zeros(2, 5), 1),
        "x has shape (2, 5) but the model's input shape is (6)");
    Sequential sigmoid = Sequential.of(dense(2, SIGMOID).inputShape(6))
        .compile(Optimizer.sgd(), Loss.BINARY_CROSSENTROPY);
    assertThrowsWithMessage(IllegalArgumentException.class, () -> sigmoid.predictProba(d.x, 1),
        "predictProba needs a softmax output layer", "sigmoid");
    Sequential uncompiled = Sequential.of(dense(3, SOFTMAX).inputShape(6));
    assertThrowsWithMessage(IllegalStateException.class, () -> uncompiled.predictProba(d.x, 1),
        "predictProba called before compile");
    assertThrowsWithMessage(IllegalStateException.class, uncompiled::provenance,
        "provenance called before compile");
  }

  @Test
  void provenanceRecordsTheFit() {
    TinyData d = TinyData.of(20, 6, 3, 4);
    Sequential m = Sequential.of(dense(16, RELU).inputShape(6), dense(3, SOFTMAX)).seed(5)
        .compile(Optimizer.rmsprop(0.01), Loss.CATEGORICAL_CROSSENTROPY, Metric.ACCURACY);
    m.fit(d.x, d.y, f -> f.epochs(2).batchSize(4).validationSplit(0.25).seed(8).verbose(0));
    var p = m.provenance();
    assertEquals(5, p.seed());
    assertArrayEquals(new int[] {20, 6}, p.dataShape());
    assertEquals("2", p.settings().get("epochs"));
    assertEquals("4", p.settings().get("batch_size"));
    assertEquals("0.25", p.settings().get("validation_split"));
    assertEquals("8", p.settings().get("fit_seed"));
    assertEquals("categorical_crossentropy", p.settings().get("loss"));
    assertTrue(p.settings().get("layers").startsWith("dense(units=16, activation=relu"), p.settings().toString());
    assertTrue(p.fitSeconds().isPresent());
    assertTrue(m.toString().contains("seed 5; settings: "), m.toString());
  }
}
