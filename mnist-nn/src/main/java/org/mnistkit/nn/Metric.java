package org.mnistkit.nn;

import java.util.Locale;
import org.mnistkit.nn.layers.KerasNames;

/**
 * Metrics reported by {@link Sequential#fit} and {@link Sequential#evaluate} next to the loss.
 */
public enum Metric {
  /**
   * The fraction of correct predictions, chosen as Keras chooses for "accuracy": with
   * {@link Loss#BINARY_CROSSENTROPY} or a single output unit, each output is compared with its label
   * after thresholding at 0.5 (binary accuracy); with {@link Loss#SPARSE_CATEGORICAL_CROSSENTROPY}
   * the arg-max of a row is compared with its class index; otherwise the arg-max of a row is
   * compared with the arg-max of its label row (categorical accuracy).
   */
  ACCURACY("accuracy");

  private final String kerasName;

  Metric(String kerasName) {
    this.kerasName = kerasName;
  }

  /** @return the Keras name, {@code "accuracy"}, used as the key in results */
  public String kerasName() {
    return kerasName;
  }

  /**
   * @param name "accuracy" or "acc" (case-insensitive, surrounding blanks ignored)
   * @return {@link #ACCURACY}
   * @throws IllegalArgumentException naming the value when it is unknown
   * @throws NullPointerException when name is null
   */
  public static Metric of(String name) {
    if (name != null && name.trim().toLowerCase(Locale.ROOT).equals("acc")) {
      return ACCURACY;
    }
    return KerasNames.lookup(values(), Metric::kerasName, name, "metric");
  }

  /**
   * The score of one row: 1 or 0, or for binary accuracy the fraction of correct units.
   *
   * @param loss the compiled loss, which decides the kind of accuracy
   */
  double rowScore(Loss loss, float[] p, int pOff, float[] y, int yOff, int units) {
    if (loss == Loss.BINARY_CROSSENTROPY || units == 1) {
      int correct = 0;
      for (int k = 0; k < units; k++) {
        boolean predicted = p[pOff + k] > 0.5f;
        boolean truth = y[yOff + k] > 0.5f;
        correct += predicted == truth ? 1 : 0;
      }
      return (double) correct / units;
    }
    int predicted = argmax(p, pOff, units);
    int truth = loss == Loss.SPARSE_CATEGORICAL_CROSSENTROPY ? (int) y[yOff] : argmax(y, yOff, units);
    return predicted == truth ? 1 : 0;
  }

  private static int argmax(float[] v, int off, int n) {
    int best = 0;
    for (int k = 1; k < n; k++) {
      if (v[off + k] > v[off + best]) {
        best = k;
      }
    }
    return best;
  }

  @Override
  public String toString() {
    return kerasName;
  }
}
