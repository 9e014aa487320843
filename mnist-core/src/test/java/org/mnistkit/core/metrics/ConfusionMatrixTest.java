package org.mnistkit.core.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mnistkit.core.testing.TestAssertions.assertClose;
import static org.mnistkit.core.testing.TestAssertions.assertThrowsWithMessage;

import java.util.List;
import org.junit.jupiter.api.Test;

class ConfusionMatrixTest {

  // truth and predictions whose table R prints (see the golden string below):
  // table(Prediction = factor(pred, levels = 0:9), Truth = factor(truth, levels = 0:9))
  private static final int[] TRUTH = {0, 1, 0, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 1};
  private static final int[] PRED = {0, 1, 1, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9};

  @Test
  void printsLikeYardstickConfMat() {
    String r = """
                  Truth
        Prediction  0  1  2  3  4  5  6  7  8  9
                 0  1  0  0  0  0  0  0  0  0  0
                 1  1  1  0  0  0  0  0  0  0  0
                 2  0  0  0  0  0  0  0  0  0  0
                 3  0  0  0  0  0  0  0  0  0  0
                 4  0  0  0  0  0  0  0  0  0  0
                 5  0  0  0  0  0  0  0  0  0  0
                 6  0  0  0  0  0  0  0  0  0  0
                 7  0  0  0  0  0  0  0  0  0  0
                 8  0  0  0  0  0  0  0  0  0  0
                 9  0  1  0  0  0  0  0  0  0 13
        """;
    assertEquals(r, ConfusionMatrix.of(TRUTH, PRED, 10).toString());
  }

  @Test
  void printsNamedClassesLikeR() {
    // R 4.2: print(table(Prediction = factor(p, levels = lv), Truth = factor(t, levels = lv)))
    int[] truth = new int[500];
    int[] pred = new int[500];
    java.util.Arrays.fill(truth, 227 + 31, 500, 1);
    java.util.Arrays.fill(pred, 227, 227 + 31, 1);
    java.util.Arrays.fill(pred, 227 + 31 + 50, 500, 1);
    assertEquals("""
                  Truth
        Prediction Class1 Class2
            Class1    227     50
            Class2     31    192
        """, ConfusionMatrix.of(truth, pred, List.of("Class1", "Class2")).toString());
    // a label longer than "Prediction" is left-justified after an indent of 2
    int[] t2 = new int[1235];
    java.util.Arrays.fill(t2, 1);
    int[] p2 = new int[1235];
    p2[1234] = 1;
    assertEquals("""
                     Truth
        Prediction    T-shirt/top  Bag
          T-shirt/top           0 1234
          Bag                   0    1
        """, ConfusionMatrix.of(t2, p2, List.of("T-shirt/top", "Bag")).toString());
  }

  @Test
  void metricsMatchHandComputedValues() {
    ConfusionMatrix cm = ConfusionMatrix.of(TRUTH, PRED, 10);
    assertEquals(17, cm.total());
    assertClose(cm.accuracy(), 15.0 / 17, 0, 1e-15);
    assertClose(cm.precision(1), 0.5, 0, 1e-15); // predicted 1 twice, once right
    assertClose(cm.recall(1), 0.5, 0, 1e-15); // true 1 twice, once found
    assertClose(cm.recall(0), 0.5, 0, 1e-15);
    assertClose(cm.precision(9), 13.0 / 14, 0, 1e-15);
    // F1 by hand: class 0 has P = 1, R = 1/2, F1 = 2/3; class 1 P = R = F1 = 1/2; class 9
    // P = 13/14, R = 1, F1 = 2 * 13 / (2 * 13 + 1 + 0) = 26/27
    assertClose(cm.f1(0), 2.0 / 3, 0, 1e-15);
    assertClose(cm.f1(1), 0.5, 0, 1e-15);
    assertClose(cm.f1(9), 26.0 / 27, 0, 1e-15);
    assertEquals(0.0, cm.f1(3));
    assertEquals(0.0, cm.precision(3)); // never predicted: zero_division = 0
    assertClose(cm.classError(1), 0.5, 0, 1e-15);
    // macro F1 averages all 10 classes, the 7 absent ones counting 0, as scikit-learn's
    // f1_score(truth, pred, labels=range(10), average="macro", zero_division=0):
    // (2/3 + 1/2 + 26/27) / 10 = (36 + 27 + 52) / 540 = 23/108
    assertClose(cm.macroF1(), 23.0 / 108, 0, 1e-15);
  }

  @Test
  void kappaMatchesScikitLearn() {
    // scikit-learn cohen_kappa_score gives 0.5757575757575757; by hand: po = 5/7, pe = (2*2 + 2*3 + 3*2) / 49 = 16/49, kappa = (35/49 - 16/49) / (33/49) = 19/33
    int[] truth = {0, 0, 1, 1, 2, 2, 2};
    int[] pred = {0, 1, 1, 1, 2, 0, 2};
    assertClose(Metrics.kappa(truth, pred, 3), 19.0 / 33, 0, 1e-15);
    assertClose(Metrics.kappa(truth, truth, 3), 1.0, 0, 1e-15);
    assertEquals(Double.NaN, Metrics.kappa(new int[] {1, 1}, new int[] {1, 1}, 3));
  }

  @Test
  void rejectsMismatchedLengthsAndOutOfRangeLabels() {
    assertThrowsWithMessage(IllegalArgumentException.class,
        () -> Metrics.accuracy(new int[] {1, 2}, new int[] {1}), "truth has 2 labels but predicted has 1");
    assertThrowsWithMessage(IllegalArgumentException.class,
        () -> ConfusionMatrix.of(new int[] {1, 10}, new int[] {1, 1}, 10), "truth label at index 1 is 10", "0..9");
    assertThrowsWithMessage(IllegalArgumentException.class,
        () -> ConfusionMatrix.of(new int[] {1, 1}, new int[] {-1, 1}, 10), "predicted label at index 0 is -1");
    assertThrowsWithMessage(IllegalArgumentException.class,
        () -> Metrics.accuracy(new int[0], new int[0]), "at least one label");
    assertClose(Metrics.accuracy(new int[] {1, 2, 3, 4}, new int[] {1, 2, 0, 4}), 0.75, 0, 0);
  }
}
