package org.mnistkit.examples.walkthrough;

import java.util.List;
import java.util.Locale;
import org.mnistkit.core.model.Classifier;
import org.mnistkit.core.tensor.FloatMatrix;

/**
 * What one classifier said about each test image: its label and the probability it gave that
 * label. Made through the {@link Classifier} contract alone, so every model family is diagnosed
 * alike by {@link ModelDiagnostics}.
 *
 * @param model the model's name, such as {@code dense network}
 * @param classes the class labels, in the order of the confusion matrix's rows and columns
 * @param classNames the name of each label, indexed by label (the dataset's class names)
 * @param truth m true labels
 * @param predicted m predicted labels, as {@link Classifier#predictClasses} gives them
 * @param probability m values in [0, 1]: {@link Classifier#predictProba} of the predicted class
 */
record TestPredictions(String model, int[] classes, List<String> classNames, int[] truth, int[] predicted,
    float[] probability) {

  TestPredictions {
    if (truth.length != predicted.length || truth.length != probability.length) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "%d true labels, %d predictions and %d probabilities; the counts must match", truth.length,
          predicted.length, probability.length));
    }
  }

  /**
   * Adds the probabilities of the predicted labels to predictions already made.
   *
   * @param name the model's name
   * @param model the fitted classifier that predicted them
   * @param x m x p test rows
   * @param truth m true labels
   * @param predicted m labels from {@code model.predictClasses(x)}
   * @param classNames the dataset's class names, indexed by label
   * @param threads threads for {@link Classifier#predictProba}, at least 1
   * @return the predictions with their probabilities
   */
  static TestPredictions of(String name, Classifier model, FloatMatrix x, int[] truth, int[] predicted,
      List<String> classNames, int threads) {
    FloatMatrix proba = model.predictProba(x, threads);
    int[] classes = model.classes();
    int[] column = positions(classes);
    float[] p = new float[predicted.length];
    for (int i = 0; i < p.length; i++) {
      p[i] = proba.get(i, column[predicted[i]]);
    }
    return new TestPredictions(name, classes, classNames, truth, predicted, p);
  }

  /**
   * @param classes class labels, each at least 0
   * @return for each label up to the largest, its position in classes (-1 for none)
   */
  static int[] positions(int[] classes) {
    int[] position = new int[java.util.Arrays.stream(classes).max().orElse(-1) + 1];
    java.util.Arrays.fill(position, -1);
    for (int c = 0; c < classes.length; c++) {
      position[classes[c]] = c;
    }
    return position;
  }

  /** @return m, the number of test images */
  int size() {
    return truth.length;
  }

  /** @return whether the model got test image i right */
  boolean right(int i) {
    return truth[i] == predicted[i];
  }

  /** @return the name of a label, such as {@code 7} or Fashion-MNIST's {@code Sneaker} */
  String name(int label) {
    return classNames.get(label);
  }

  /**
   * @return the model's name as an HTML id or data-attribute value: lower case, runs of other
   *     characters than letters and digits as one {@code -}, such as {@code dense-network}
   */
  String slug() {
    return model.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
  }
}
