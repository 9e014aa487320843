package org.mnistkit.forest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.mnistkit.core.tensor.FloatMatrix;

class BadInputTest {

  private static final FloatMatrix X = FloatMatrix.of(new float[][] {
      {0, 1, 2}, {1, 1, 2}, {2, 0, 2}, {3, 0, 2}});
  private static final int[] Y = {0, 0, 1, 1};
  private static final RandomForest RF = RandomForest.builder().trees(5).threads(1).build();

  private static void assertBad(String message, Executable call) {
    assertEquals(message, assertThrows(IllegalArgumentException.class, call).getMessage());
  }

  @Test
  void nanAndInfiniteValuesAreRejectedWithTheirPosition() {
    FloatMatrix nan = X.copy();
    nan.set(1, 2, Float.NaN);
    assertBad("x has a non-finite value NaN at row 1, column 2; remove or impute it first",
        () -> RF.fit(nan, Y));
    FloatMatrix inf = X.copy();
    inf.set(3, 0, Float.NEGATIVE_INFINITY);
    assertBad("x has a non-finite value -Infinity at row 3, column 0; remove or impute it first",
        () -> RF.fit(inf, Y));
  }

  @Test
  void mtryAbovePIsRejectedWhenFitting() {
    assertBad("mtry must be in 1..3 (the number of columns of x), got 4",
        () -> RandomForest.builder().mtry(4).build().fit(X, Y));
  }

  @Test
  void tooFewRowsAndMismatchedLabelsAreRejected() {
    assertBad("x must have at least 2 rows, got 1",
        () -> RF.fit(FloatMatrix.of(new float[][] {{1, 2}}), new int[] {0}));
    assertBad("x has 4 rows but y has 3 labels; they must be equal",
        () -> RF.fit(X, new int[] {0, 1, 1}));
    assertBad("x must have at least 1 column, got 0",
        () -> RF.fit(FloatMatrix.zeros(3, 0), new int[] {0, 1, 1}));
  }

  @Test
  void labelsOutsideTheDeclaredClassesAreRejected() {
    assertBad("y[2] is 1, which is not one of the declared classes [0, 2]",
        () -> RF.fit(X, Y, new int[] {0, 2}));
    assertBad("classes must be distinct, got [0, 1, 0]", () -> RF.fit(X, Y, new int[] {0, 1, 0}));
    assertBad("classes must list at least one class, got none", () -> RF.fit(X, Y, new int[0]));
  }

  @Test
  void predictingWithOtherColumnsOrNonFiniteValuesIsRejected() {
    RandomForestModel model = RF.fit(X, Y);
    assertBad("x has 2 columns but the forest was fitted on 3; use rows with the same features",
        () -> model.predict(FloatMatrix.zeros(2, 2)));
    assertBad("x has 2 columns but the forest was fitted on 3; use rows with the same features",
        () -> model.predictProba(FloatMatrix.zeros(2, 2)));
    FloatMatrix nan = FloatMatrix.zeros(2, 3);
    nan.set(0, 1, Float.NaN);
    assertBad("x has a non-finite value NaN at row 0, column 1; remove or impute it first",
        () -> model.predict(nan));
  }
}
