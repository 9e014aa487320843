package org.mnistkit.nn;

import static org.mnistkit.core.testing.TestAssertions.assertThrowsWithMessage;
import static org.mnistkit.nn.layers.Activation.RELU;
import static org.mnistkit.nn.layers.Activation.SOFTMAX;
import static org.mnistkit.nn.layers.Layers.conv2d;
import static org.mnistkit.nn.layers.Layers.dense;
import static org.mnistkit.nn.layers.Layers.flatten;

import org.junit.jupiter.api.Test;
import org.mnistkit.core.tensor.FloatMatrix;

/** Bad input fails with a message naming both shapes (or the bad value) before any training. */
class InputErrorsTest {

  private static Sequential mnistModel() {
    return Sequential.of(dense(8, RELU).inputShape(784), dense(10, SOFTMAX))
        .compile("rmsprop", "categorical_crossentropy", "accuracy");
  }

  @Test
  void wrongNumberOfColumns() {
    Sequential m = mnistModel();
    FloatMatrix x = FloatMatrix.zeros(5, 780);
    FloatMatrix y = FloatMatrix.zeros(5, 10);
    assertThrowsWithMessage(IllegalArgumentException.class, () -> m.fit(x, y),
        "x has shape (5, 780)", "input shape is (784)", "784 values");
    assertThrowsWithMessage(IllegalArgumentException.class, () -> m.predict(x), "(5, 780)", "(784)");
    assertThrowsWithMessage(IllegalArgumentException.class, () -> m.evaluate(x, y), "(5, 780)", "(784)");
  }

  @Test
  void imageModelNamesTheImageShape() {
    Sequential m = Sequential.of(conv2d(2, 3, RELU).inputShape(28, 28, 1), flatten(), dense(10, SOFTMAX))
        .compile("rmsprop", "categorical_crossentropy");
    assertThrowsWithMessage(IllegalArgumentException.class, () -> m.predict(FloatMatrix.zeros(2, 780)),
        "(2, 780)", "(28, 28, 1) = 784 values");
  }

  @Test
  void labelRowsDifferFromInputRows() {
    assertThrowsWithMessage(IllegalArgumentException.class,
        () -> mnistModel().fit(FloatMatrix.zeros(6, 784), FloatMatrix.zeros(5, 10)),
        "y has 5 rows but x has 6");
  }

  @Test
  void labelWidthDiffersFromUnits() {
    assertThrowsWithMessage(IllegalArgumentException.class,
        () -> mnistModel().fit(FloatMatrix.zeros(6, 784), FloatMatrix.zeros(6, 9)),
        "y has shape (6, 9)", "last layer has 10 units", "categorical_crossentropy", "rows of 10 values",
        "toCategorical");
    Sequential sparse = Sequential.of(dense(8, RELU).inputShape(784), dense(10, SOFTMAX))
        .compile("rmsprop", "sparse_categorical_crossentropy");
    assertThrowsWithMessage(IllegalArgumentException.class,
        () -> sparse.fit(FloatMatrix.zeros(6, 784), FloatMatrix.zeros(6, 10)),
        "y has shape (6, 10)", "one column of class indices 0..9");
    FloatMatrix badIndex = FloatMatrix.zeros(6, 1);
    badIndex.set(4, 0, 10f);
    assertThrowsWithMessage(IllegalArgumentException.class, () -> sparse.fit(FloatMatrix.zeros(6, 784), badIndex),
        "row 4 holds 10.0", "0..9");
  }

  @Test
  void nonFiniteValues() {
    FloatMatrix x = FloatMatrix.zeros(3, 784);
    x.set(2, 17, Float.NaN);
    assertThrowsWithMessage(IllegalArgumentException.class, () -> mnistModel().fit(x, FloatMatrix.zeros(3, 10)),
        "x has a non-finite value NaN at row 2, column 17");
    FloatMatrix y = FloatMatrix.zeros(3, 10);
    y.set(1, 3, Float.POSITIVE_INFINITY);
    assertThrowsWithMessage(IllegalArgumentException.class,
        () -> mnistModel().fit(FloatMatrix.zeros(3, 784), y), "y has a non-finite value Infinity at row 1");
    FloatMatrix vx = FloatMatrix.zeros(2, 784);
    vx.set(0, 0, Float.NEGATIVE_INFINITY);
    assertThrowsWithMessage(IllegalArgumentException.class, () -> mnistModel().fit(FloatMatrix.zeros(3, 784),
        FloatMatrix.zeros(3, 10), f -> f.validationData(vx, FloatMatrix.zeros(2, 10))),
        "validation x has a non-finite value -Infinity");
  }

  @Test
  void fitBeforeCompile() {
    Sequential m = Sequential.of(dense(8, RELU).inputShape(784), dense(10, SOFTMAX));
    assertThrowsWithMessage(IllegalStateException.class,
        () -> m.fit(FloatMatrix.zeros(2, 784), FloatMatrix.zeros(2, 10)), "fit called before compile");
    assertThrowsWithMessage(IllegalStateException.class, () -> m.predict(FloatMatrix.zeros(2, 784)),
        "predict called before compile");
  }

  @Test
  void badSettings() {
    assertThrowsWithMessage(IllegalArgumentException.class, () -> FitOptions.builder().batchSize(0).build(),
        "batchSize must be >= 1, got 0");
    assertThrowsWithMessage(IllegalArgumentException.class, () -> FitOptions.builder().epochs(0).build(),
        "epochs must be >= 1, got 0");
    assertThrowsWithMessage(IllegalArgumentException.class,
        () -> FitOptions.builder().validationSplit(1.0).build(), "validationSplit must be in [0, 1), got 1.0");
    assertThrowsWithMessage(IllegalArgumentException.class, () -> FitOptions.builder().verbose(3).build(),
        "verbose must be 0, 1 or 2, got 3");
    assertThrowsWithMessage(IllegalArgumentException.class,
        () -> mnistModel().fit(FloatMatrix.zeros(3, 784), FloatMatrix.zeros(3, 10), f -> f.validationSplit(0.9)),
        "validationSplit 0.9 of 3 rows leaves 0 training and 3 validation rows");
    assertThrowsWithMessage(IllegalArgumentException.class,
        () -> mnistModel().fit(FloatMatrix.zeros(3, 784), FloatMatrix.zeros(3, 10), f -> f.validationSplit(1e-17)),
        "leaves 3 training and 0 validation rows");
    assertThrowsWithMessage(IllegalArgumentException.class, () -> new Optimizer.RmsProp(0, 0.9, 1e-7),
        "learningRate must be > 0");
    assertThrowsWithMessage(IllegalArgumentException.class, () -> Loss.of("hinge"),
        "unknown loss 'hinge'", "categorical_crossentropy");
    assertThrowsWithMessage(IllegalArgumentException.class,
        () -> mnistModel().compile("rmsprop", "mse").fit(FloatMatrix.zeros(2, 784), new int[] {1, 2},
            f -> f), "class labels (int[]) need categorical_crossentropy");
  }
}
