package org.mnistkit.eda.svd;

import java.util.Locale;

/**
 * The column centring and scaling that the matrix operators apply without forming the result:
 * they present {@code (X - 1 c^T) diag(1 / s)} while reading only X. Then
 * {@code (X - 1 c^T) diag(1/s) v = X w - (c . w)} with {@code w = v / s}, and
 * {@code diag(1/s) (X - 1 c^T)^T y = (X^T y - c sum(y)) / s}. Either part may be absent.
 */
final class ColumnTransform {

  private final double[] center;
  private final double[] scale;

  private ColumnTransform(double[] center, double[] scale) {
    this.center = center;
    this.scale = scale;
  }

  /**
   * @param p the number of columns
   * @param center p finite column centres, or null for none; copied
   * @param scale p finite non-zero column scales, or null for none; copied
   * @throws IllegalArgumentException when a vector has the wrong length, a centre is not finite or
   *     a scale is zero or not finite
   */
  static ColumnTransform of(int p, double[] center, double[] scale) {
    if (center != null) {
      if (center.length != p) {
        throw new IllegalArgumentException(String.format(Locale.ROOT,
            "center must have %d values (one per column), got %d", p, center.length));
      }
      for (int j = 0; j < p; j++) {
        if (!Double.isFinite(center[j])) {
          throw new IllegalArgumentException(String.format(Locale.ROOT,
              "center[%d] must be finite, got %s", j, center[j]));
        }
      }
    }
    if (scale != null) {
      if (scale.length != p) {
        throw new IllegalArgumentException(String.format(Locale.ROOT,
            "scale must have %d values (one per column), got %d", p, scale.length));
      }
      for (int j = 0; j < p; j++) {
        if (!(scale[j] != 0.0 && Double.isFinite(scale[j]))) {
          throw new IllegalArgumentException(String.format(Locale.ROOT,
              "scale[%d] must be finite and non-zero, got %s", j, scale[j]));
        }
      }
    }
    return new ColumnTransform(center == null ? null : center.clone(),
        scale == null ? null : scale.clone());
  }

  /** @return the centres (not a copy; do not modify), or null */
  double[] center() {
    return center;
  }

  /** @return {@code v / s}: v itself when there is no scale, else a new array */
  double[] scaledInput(double[] v) {
    if (scale == null) {
      return v;
    }
    double[] w = new double[v.length];
    for (int j = 0; j < w.length; j++) {
      w[j] = v[j] / scale[j];
    }
    return w;
  }

  /** @return {@code c . w}, the amount to subtract from every entry of {@code X w}; 0 uncentred */
  double shift(double[] w) {
    if (center == null) {
      return 0.0;
    }
    double s = 0.0;
    for (int j = 0; j < w.length; j++) {
      s += center[j] * w[j];
    }
    return s;
  }

  /**
   * Turns {@code X^T y - applied sum(y)} into {@code (X^T y - c sum(y)) / s} in place.
   *
   * @param out the transposed product, p values, with the centres {@code applied} already
   *     subtracted from each row of X (null: none were)
   * @param y the vector the product was taken with, m values
   * @param applied the centres already applied, or null
   */
  void finishTranspose(double[] out, double[] y, float[] applied) {
    if (center != null) {
      double sum = 0.0;
      for (double yi : y) {
        sum += yi;
      }
      for (int j = 0; j < out.length; j++) {
        out[j] -= sum * (applied == null ? center[j] : center[j] - applied[j]);
      }
    }
    if (scale != null) {
      for (int j = 0; j < out.length; j++) {
        out[j] /= scale[j];
      }
    }
  }
}
