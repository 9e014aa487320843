package org.mnistkit.core.tensor;

import java.util.Locale;

/**
 * One-hot encoding of integer class labels, like Keras's {@code to_categorical}.
 */
public final class Categorical {

  private Categorical() {}

  /**
   * Encodes labels as one-hot rows: row i has a 1 in column {@code labels[i]} and 0 elsewhere.
   * Unlike Keras, a negative or too large label is an error rather than a silent wrap-around.
   *
   * @param labels n labels, each in 0..numClasses-1
   * @param numClasses the number of columns, at least 1 (10 for MNIST)
   * @return a new {@code n x numClasses} matrix whose rows each sum to 1
   * @throws IllegalArgumentException when numClasses &lt; 1, naming the value, or when a label is
   *     out of range, naming the first bad index and its value
   */
  public static FloatMatrix toCategorical(int[] labels, int numClasses) {
    if (numClasses < 1) {
      throw new IllegalArgumentException("numClasses must be >= 1, got " + numClasses);
    }
    FloatMatrix out = FloatMatrix.zeros(labels.length, numClasses);
    float[] data = out.data();
    for (int i = 0; i < labels.length; i++) {
      int label = labels[i];
      if (label < 0 || label >= numClasses) {
        throw new IllegalArgumentException(String.format(Locale.ROOT,
            "label at index %d is %d; expected 0..%d for %d classes", i, label, numClasses - 1, numClasses));
      }
      data[i * numClasses + label] = 1f;
    }
    return out;
  }

  /**
   * The inverse of {@link #toCategorical}: the column of each row's largest value.
   *
   * @param oneHot an {@code n x k} matrix of one-hot rows or class probabilities, k &gt;= 1
   * @return n labels in 0..k-1
   */
  public static int[] fromCategorical(FloatMatrix oneHot) {
    return oneHot.argmaxRows();
  }
}
