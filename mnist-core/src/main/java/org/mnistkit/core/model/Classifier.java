package org.mnistkit.core.model;

import java.util.Locale;
import java.util.Objects;
import org.mnistkit.core.concurrent.Workers;
import org.mnistkit.core.tensor.FloatMatrix;

/**
 * A fitted classifier: the one contract that the random forest and the network share, and that
 * the walkthrough, the CLI, the benchmarks and the Spark module use.
 *
 * <p>Names, for a scikit-learn or Keras user:
 * <ul>
 *   <li>{@link #predictProba} is scikit-learn's {@code predict_proba} (and Keras's {@code
 *       predict} of a softmax network): n x k probabilities, rows summing to 1, columns in
 *       {@link #classes()} order;
 *   <li>{@link #predictClasses} is Keras's {@code predict_classes} and scikit-learn's {@code
 *       predict}: the label of the most probable class of each row, the first in {@link
 *       #classes()} order on ties;
 *   <li>{@link #classes()} is scikit-learn's {@code classes_}, {@link #numFeatures()} its {@code
 *       n_features_in_};
 *   <li>{@link #classificationReport} is scikit-learn's {@code classification_report} (and
 *       Keras's {@code evaluate}): accuracy, confusion matrix, per-class precision, recall and
 *       F1, and Cohen's kappa on a labelled test set.
 * </ul>
 * The models keep their own idioms too: the forest's {@code predict} returns labels as
 * scikit-learn's does, the network's {@code predict} returns probabilities as Keras's does.
 *
 * <p>Thread counts are the caller's choice at prediction time, never part of the saved model; the
 * methods without a {@code threads} argument use {@link Workers#defaultThreads()} (all cores).
 * Predicting does not change a model: several threads may predict at once, as long as no thread
 * changes the model meanwhile (the forest is immutable; a network must not be fitted, compiled or
 * given weights while others predict with it).
 */
public interface Classifier extends FittedModel {

  /** @return the class labels in column order of {@link #predictProba}, k &gt;= 1 labels (a copy) */
  int[] classes();

  /** @return k, the number of classes */
  default int numClasses() {
    return classes().length;
  }

  /** @return p, the number of features (columns) each row must have, 784 for MNIST */
  int numFeatures();

  /**
   * @param x n x p rows, finite values on the scale the model was fitted on ([0, 1] for scaled
   *     images)
   * @param threads the most threads to use, at least 1
   * @return n x k class probabilities, each row summing to 1 (up to float rounding), columns in
   *     {@link #classes()} order
   * @throws IllegalArgumentException when x does not have p columns, has a NaN or infinite value,
   *     or threads is below 1
   */
  FloatMatrix predictProba(FloatMatrix x, int threads);

  /**
   * {@link #predictProba(FloatMatrix, int)} on all cores.
   *
   * @param x n x p rows
   * @return n x k class probabilities
   * @throws IllegalArgumentException as {@link #predictProba(FloatMatrix, int)}
   */
  default FloatMatrix predictProba(FloatMatrix x) {
    return predictProba(x, Workers.defaultThreads());
  }

  /**
   * @param x n x p rows
   * @param threads the most threads to use, at least 1
   * @return n labels from {@link #classes()}: the most probable class of each row, the first in
   *     class order on ties
   * @throws IllegalArgumentException as {@link #predictProba(FloatMatrix, int)}
   */
  default int[] predictClasses(FloatMatrix x, int threads) {
    int[] best = predictProba(x, threads).argmaxRows();
    int[] labels = classes();
    int[] out = new int[best.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = labels[best[i]];
    }
    return out;
  }

  /**
   * {@link #predictClasses(FloatMatrix, int)} on all cores.
   *
   * @param x n x p rows
   * @return n predicted labels
   * @throws IllegalArgumentException as {@link #predictProba(FloatMatrix, int)}
   */
  default int[] predictClasses(FloatMatrix x) {
    return predictClasses(x, Workers.defaultThreads());
  }

  /**
   * Predicts a labelled test set on all cores and scores it.
   *
   * @param x n x p rows, n &gt;= 1
   * @param labels n true labels, each one of {@link #classes()}
   * @return accuracy, confusion matrix (predictions as rows, truth as columns; classes named by
   *     their labels), per-class precision/recall/F1 and kappa
   * @throws IllegalArgumentException when the lengths differ, a label is not a class of the
   *     model, or as {@link #predictProba(FloatMatrix, int)}
   */
  default ClassificationReport classificationReport(FloatMatrix x, int[] labels) {
    Objects.requireNonNull(labels, "labels");
    if (labels.length != x.rows()) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "x has %d rows but there are %d labels; give one label per row", x.rows(),
          labels.length));
    }
    return ClassificationReport.of(labels, predictClasses(x), classes());
  }
}
