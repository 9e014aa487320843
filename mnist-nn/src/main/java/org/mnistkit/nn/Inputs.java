package org.mnistkit.nn;

import java.util.Locale;
import org.mnistkit.core.tensor.FloatMatrix;
import org.mnistkit.nn.layers.Shapes;

/** Checks of user data against a model, with messages that name both shapes and a way out. */
final class Inputs {

  private Inputs() {}

  /**
   * @param name how the matrix is called in messages ("x", "validation x")
   * @throws IllegalArgumentException when x has no rows, the wrong width or a non-finite value
   */
  static void checkFeatures(Architecture arch, FloatMatrix x, String name) {
    if (x.rows() == 0) {
      throw new IllegalArgumentException(name + " has no rows");
    }
    if (x.cols() != arch.inputWidth()) {
      int[] s = arch.inputShape();
      String expected = s.length == 1 ? Shapes.format(s)
          : String.format(Locale.ROOT, "%s = %d values", Shapes.format(s), arch.inputWidth());
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "%s has shape (%d, %d) but the model's input shape is %s: each row must hold %d values",
          name, x.rows(), x.cols(), expected, arch.inputWidth()));
    }
    x.requireFinite(name);
  }

  /**
   * @throws IllegalArgumentException when y's rows differ from x's, its width does not fit the loss
   *     and the last layer, a value is not finite, or a sparse label is not a class index
   */
  static void checkLabels(Architecture arch, Loss loss, FloatMatrix x, FloatMatrix y, String xName,
      String yName) {
    if (y.rows() != x.rows()) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "%s has %d rows but %s has %d: each row of %s labels the same row of %s", yName, y.rows(), xName,
          x.rows(), yName, xName));
    }
    int units = arch.units();
    int width = loss.labelWidth(units);
    if (y.cols() != width) {
      String need = loss == Loss.SPARSE_CATEGORICAL_CROSSENTROPY
          ? "one column of class indices 0.." + (units - 1)
          : "rows of " + units + " values";
      String hint = switch (loss) {
        case SPARSE_CATEGORICAL_CROSSENTROPY -> "; use categorical_crossentropy for one-hot labels";
        case CATEGORICAL_CROSSENTROPY -> "; one-hot encode class labels with Categorical.toCategorical(labels, "
            + units + ") or use sparse_categorical_crossentropy";
        default -> "";
      };
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "%s has shape (%d, %d) but the last layer has %d units and %s needs %s%s", yName, y.rows(), y.cols(),
          units, loss, need, hint));
    }
    y.requireFinite(yName);
    if (loss == Loss.SPARSE_CATEGORICAL_CROSSENTROPY) {
      float[] d = y.data();
      for (int i = 0; i < d.length; i++) {
        float v = d[i];
        if (v != Math.rint(v) || v < 0 || v >= units) {
          throw new IllegalArgumentException(String.format(Locale.ROOT,
              "%s row %d holds %s, which is not a class index in 0..%d", yName, i, v, units - 1));
        }
      }
    }
  }
}
