package org.mnistkit.nn;

import java.util.Locale;
import org.mnistkit.nn.layers.KerasNames;

/**
 * Loss functions, named as Keras names them. Each is averaged over the rows of a batch (and, for
 * {@link #BINARY_CROSSENTROPY} and {@link #MEAN_SQUARED_ERROR}, over the output units), as Keras
 * reports it. Predicted probabilities are clipped to [1e-7, 1 - 1e-7] before taking logarithms,
 * as Keras does.
 */
public enum Loss {
  /** -sum_k y_k log p_k; labels are one-hot rows as wide as the last layer (use with softmax). */
  CATEGORICAL_CROSSENTROPY("categorical_crossentropy"),
  /** -log p_label; labels are one column of class indices 0..units-1 (use with softmax). */
  SPARSE_CATEGORICAL_CROSSENTROPY("sparse_categorical_crossentropy"),
  /** -mean_k [y_k log p_k + (1 - y_k) log(1 - p_k)]; labels in [0, 1] (use with sigmoid). */
  BINARY_CROSSENTROPY("binary_crossentropy"),
  /** mean_k (y_k - p_k)^2 (Keras "mse" or "mean_squared_error"). */
  MEAN_SQUARED_ERROR("mean_squared_error");

  /** Keras's fuzz factor for clipping probabilities. */
  static final double EPSILON = 1e-7;

  private final String kerasName;

  Loss(String kerasName) {
    this.kerasName = kerasName;
  }

  /** @return the Keras name, such as {@code "categorical_crossentropy"} */
  public String kerasName() {
    return kerasName;
  }

  /**
   * @param units the number of units of the last layer
   * @return the number of label columns this loss expects: 1 for the sparse loss, units otherwise
   */
  public int labelWidth(int units) {
    return this == SPARSE_CATEGORICAL_CROSSENTROPY ? 1 : units;
  }

  /**
   * Looks a loss up by its Keras name (case-insensitive); "mse" is accepted for
   * {@link #MEAN_SQUARED_ERROR}.
   *
   * @param name a Keras loss name such as {@code "categorical_crossentropy"}; case and surrounding
   *     blanks are ignored
   * @return the loss with that name
   * @throws IllegalArgumentException naming the value and the accepted names when it is unknown
   * @throws NullPointerException when name is null
   */
  public static Loss of(String name) {
    if (name != null && name.trim().toLowerCase(Locale.ROOT).equals("mse")) {
      return MEAN_SQUARED_ERROR;
    }
    return KerasNames.lookup(values(), Loss::kerasName, name, "loss");
  }

  /**
   * The loss of one row.
   *
   * @param p predictions, {@code units} values from {@code pOff}
   * @param y labels, {@link #labelWidth(int)} values from {@code yOff}
   */
  double rowLoss(float[] p, int pOff, float[] y, int yOff, int units) {
    switch (this) {
      case CATEGORICAL_CROSSENTROPY: {
        double sum = 0;
        for (int k = 0; k < units; k++) {
          if (y[yOff + k] != 0) {
            sum -= y[yOff + k] * Math.log(clip(p[pOff + k]));
          }
        }
        return sum;
      }
      case SPARSE_CATEGORICAL_CROSSENTROPY:
        return -Math.log(clip(p[pOff + (int) y[yOff]]));
      case BINARY_CROSSENTROPY: {
        double sum = 0;
        for (int k = 0; k < units; k++) {
          double q = clip(p[pOff + k]);
          double t = y[yOff + k];
          sum -= t * Math.log(q) + (1 - t) * Math.log(1 - q);
        }
        return sum / units;
      }
      case MEAN_SQUARED_ERROR: {
        double sum = 0;
        for (int k = 0; k < units; k++) {
          double d = (double) y[yOff + k] - p[pOff + k];
          sum += d * d;
        }
        return sum / units;
      }
      default:
        throw new AssertionError(this);
    }
  }

  private static double clip(double q) {
    return Math.min(Math.max(q, EPSILON), 1 - EPSILON);
  }

  @Override
  public String toString() {
    return kerasName;
  }
}
