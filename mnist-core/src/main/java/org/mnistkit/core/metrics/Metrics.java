package org.mnistkit.core.metrics;

import java.util.Locale;

/**
 * Classification metrics computed straight from label arrays. Each is also available on a
 * {@link ConfusionMatrix}, which is the better choice when several are needed.
 */
public final class Metrics {

  private Metrics() {}

  /**
   * @param truth n true labels, each &gt;= 0
   * @param predicted n predicted labels, each &gt;= 0
   * @return the share of positions where they agree, in [0, 1]
   * @throws IllegalArgumentException when the lengths differ, n is 0, or a label is negative
   */
  public static double accuracy(int[] truth, int[] predicted) {
    checkLabels(truth, predicted, Integer.MAX_VALUE);
    int correct = 0;
    for (int i = 0; i < truth.length; i++) {
      if (truth[i] == predicted[i]) {
        correct++;
      }
    }
    return (double) correct / truth.length;
  }

  /**
   * @param truth n true labels, each in 0..numClasses-1
   * @param predicted n predicted labels, each in 0..numClasses-1
   * @param numClasses k, at least 1
   * @return the confusion matrix, predictions as rows and truth as columns
   * @throws IllegalArgumentException when the lengths differ or a label is out of range
   */
  public static ConfusionMatrix confusionMatrix(int[] truth, int[] predicted, int numClasses) {
    return ConfusionMatrix.of(truth, predicted, numClasses);
  }

  /**
   * Cohen's kappa (Cohen 1960), unweighted.
   *
   * @param truth n true labels, n &gt;= 1, each in 0..numClasses-1
   * @param predicted n predicted labels, each in 0..numClasses-1
   * @param numClasses k, at least 1
   * @return a value in [-1, 1]; NaN when chance agreement is 1
   * @throws IllegalArgumentException as {@link #confusionMatrix}
   */
  public static double kappa(int[] truth, int[] predicted, int numClasses) {
    return ConfusionMatrix.of(truth, predicted, numClasses).kappa();
  }

  /**
   * The unweighted mean of the per-class F1 scores.
   *
   * @param truth n true labels, n &gt;= 1, each in 0..numClasses-1
   * @param predicted n predicted labels, each in 0..numClasses-1
   * @param numClasses k, at least 1
   * @return a value in [0, 1]
   * @throws IllegalArgumentException as {@link #confusionMatrix}
   */
  public static double macroF1(int[] truth, int[] predicted, int numClasses) {
    return ConfusionMatrix.of(truth, predicted, numClasses).macroF1();
  }

  /** Checks equal, non-zero lengths and labels in 0..numClasses-1, naming the first bad one. */
  static void checkLabels(int[] truth, int[] predicted, int numClasses) {
    if (truth.length != predicted.length) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "truth has %d labels but predicted has %d; they must be the same length",
          truth.length, predicted.length));
    }
    if (truth.length == 0) {
      throw new IllegalArgumentException("need at least one label, got none");
    }
    checkRange("truth", truth, numClasses);
    checkRange("predicted", predicted, numClasses);
  }

  private static void checkRange(String what, int[] labels, int numClasses) {
    for (int i = 0; i < labels.length; i++) {
      if (labels[i] < 0 || labels[i] >= numClasses) {
        throw new IllegalArgumentException(String.format(Locale.ROOT,
            "%s label at index %d is %d; expected 0..%d", what, i, labels[i],
            numClasses == Integer.MAX_VALUE ? Integer.MAX_VALUE - 1 : numClasses - 1));
      }
    }
  }
}
