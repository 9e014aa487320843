package org.mnistkit.core.model;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.mnistkit.core.metrics.ConfusionMatrix;

/**
 * The scores of a classifier on a labelled test set, like scikit-learn's {@code
 * classification_report} next to yardstick's {@code conf_mat}: made by {@link
 * Classifier#classificationReport}. Every number is derived from the confusion matrix.
 *
 * @param confusionMatrix predictions as rows, truth as columns, at least one row counted
 */
public record ClassificationReport(ConfusionMatrix confusionMatrix) {

  /**
   * Checks that the matrix counts at least one row.
   *
   * @param confusionMatrix predictions as rows, truth as columns; not null, total at least 1
   * @throws IllegalArgumentException when the matrix counts no row
   * @throws NullPointerException when confusionMatrix is null
   */
  public ClassificationReport {
    Objects.requireNonNull(confusionMatrix, "confusionMatrix");
    if (confusionMatrix.total() < 1) {
      throw new IllegalArgumentException("a classification report needs at least one row");
    }
  }

  /**
   * Scores predicted labels against true ones, classes named by their labels.
   *
   * @param truth n true labels, n &gt;= 1, each one of classes
   * @param predicted n predicted labels, each one of classes
   * @param classes the class labels in the model's order (confusion matrix rows and columns)
   * @return the report
   * @throws IllegalArgumentException when the lengths differ, n is 0, or a label is not a class
   */
  public static ClassificationReport of(int[] truth, int[] predicted, int[] classes) {
    return of(truth, predicted, classes,
        java.util.Arrays.stream(classes).mapToObj(Integer::toString).toList());
  }

  /**
   * Scores predicted labels against true ones, with a name per class (such as Fashion-MNIST's
   * {@code T-shirt/top}).
   *
   * @param truth n true labels, n &gt;= 1, each one of classes
   * @param predicted n predicted labels, each one of classes
   * @param classes the class labels in the model's order
   * @param classNames one name per class, in the same order
   * @return the report
   * @throws IllegalArgumentException when the lengths differ, n is 0, or a label is not a class
   */
  public static ClassificationReport of(int[] truth, int[] predicted, int[] classes,
      List<String> classNames) {
    if (truth.length != predicted.length) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "%d true labels but %d predictions; the counts must match", truth.length,
          predicted.length));
    }
    if (classNames.size() != classes.length) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "%d class names for %d classes", classNames.size(), classes.length));
    }
    return new ClassificationReport(ConfusionMatrix.of(indicesOf(truth, classes, "labels"),
        indicesOf(predicted, classes, "predictions"), classNames));
  }

  /** @return the share of rows predicted right, in [0, 1] */
  public double accuracy() {
    return confusionMatrix.accuracy();
  }

  /** @return Cohen's kappa, in [-1, 1]; NaN when expected agreement is 1 */
  public double kappa() {
    return confusionMatrix.kappa();
  }

  /** @return the unweighted mean of the per-class F1 scores, in [0, 1] */
  public double macroF1() {
    return confusionMatrix.macroF1();
  }

  /** @return precision, recall, F1 and support per class, in class order */
  public List<ConfusionMatrix.ClassMetrics> perClass() {
    return confusionMatrix.perClass();
  }

  /** @return the number of rows scored */
  public long total() {
    return confusionMatrix.total();
  }

  /**
   * @return scikit-learn's layout: one line per class with precision, recall, f1-score and
   *     support, then accuracy, macro average and kappa lines
   */
  @Override
  public String toString() {
    StringBuilder s = new StringBuilder();
    int width = 12;
    for (String name : confusionMatrix.classNames()) {
      width = Math.max(width, name.length());
    }
    String row = "%" + width + "s %9s %9s %9s %9s%n";
    String num = "%" + width + "s %9.4f %9.4f %9.4f %9d%n";
    s.append(String.format(Locale.ROOT, row, "", "precision", "recall", "f1-score", "support"));
    for (ConfusionMatrix.ClassMetrics c : perClass()) {
      s.append(String.format(Locale.ROOT, num, c.name(), c.precision(), c.recall(), c.f1(),
          c.support()));
    }
    s.append(String.format(Locale.ROOT, "%n%" + width + "s %9s %9s %9.4f %9d%n", "accuracy", "",
        "", accuracy(), total()));
    s.append(String.format(Locale.ROOT, num, "macro avg", confusionMatrix.macroPrecision(),
        confusionMatrix.macroRecall(), macroF1(), total()));
    s.append(String.format(Locale.ROOT, "%" + width + "s %9.4f%n", "kappa", kappa()));
    return s.toString();
  }

  /** Maps labels to their positions in classes; names the first label that is not a class. */
  static int[] indicesOf(int[] labels, int[] classes, String what) {
    Map<Integer, Integer> index = new HashMap<>();
    for (int c = 0; c < classes.length; c++) {
      index.put(classes[c], c);
    }
    int[] out = new int[labels.length];
    for (int i = 0; i < labels.length; i++) {
      Integer c = index.get(labels[i]);
      if (c == null) {
        throw new IllegalArgumentException(String.format(Locale.ROOT,
            "%s[%d] is %d, which is not one of the model's classes %s", what, i, labels[i],
            java.util.Arrays.toString(classes)));
      }
      out[i] = c;
    }
    return out;
  }
}
