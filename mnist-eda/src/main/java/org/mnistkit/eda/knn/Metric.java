package org.mnistkit.eda.knn;

/**
 * Distances between rows for neighbour searches, as uwot names them. Distances are returned in
 * their usual scale (Euclidean, not squared).
 */
public enum Metric {
  /** {@code sqrt(sum (x_j - y_j)^2)}. */
  EUCLIDEAN,
  /**
   * {@code 1 - x.y / (|x| |y|)}, in [0, 2]; a zero row has distance 1 to everything except other
   * zero rows (distance 0), as in umap-learn.
   */
  COSINE,
  /** {@code sum |x_j - y_j|}. */
  MANHATTAN;

  /**
   * The distance between two rows of the same array (or two arrays).
   *
   * @param a first array
   * @param aOff offset of the first row in a
   * @param b second array
   * @param bOff offset of the second row in b
   * @param d the number of columns
   * @return the distance, at least 0
   */
  public double distance(float[] a, int aOff, float[] b, int bOff, int d) {
    switch (this) {
      case EUCLIDEAN:
        return Math.sqrt(squaredEuclidean(a, aOff, b, bOff, d));
      case MANHATTAN: {
        double s = 0.0;
        for (int j = 0; j < d; j++) {
          s += Math.abs(a[aOff + j] - b[bOff + j]);
        }
        return s;
      }
      case COSINE: {
        double dot = 0.0;
        double na = 0.0;
        double nb = 0.0;
        for (int j = 0; j < d; j++) {
          double x = a[aOff + j];
          double y = b[bOff + j];
          dot += x * y;
          na += x * x;
          nb += y * y;
        }
        if (na == 0.0 && nb == 0.0) {
          return 0.0;
        }
        if (na == 0.0 || nb == 0.0) {
          return 1.0;
        }
        return Math.max(0.0, 1.0 - dot / Math.sqrt(na * nb));
      }
      default:
        throw new AssertionError(this);
    }
  }

  /**
   * The squared Euclidean distance of two rows, summed in double with four independent sums: what
   * neighbour searches compare, since it orders pairs as the distance does without a square root.
   *
   * @param a the first row's array
   * @param aOff where the first row starts in a
   * @param b the second row's array (may be a)
   * @param bOff where the second row starts in b
   * @param d the number of columns, at least 0
   * @return the sum of squared differences, at least 0
   * @throws ArrayIndexOutOfBoundsException when a row does not fit its array
   */
  public static double squaredEuclidean(float[] a, int aOff, float[] b, int bOff, int d) {
    double s0 = 0.0;
    double s1 = 0.0;
    double s2 = 0.0;
    double s3 = 0.0;
    int j = 0;
    for (; j + 3 < d; j += 4) {
      double t0 = a[aOff + j] - b[bOff + j];
      double t1 = a[aOff + j + 1] - b[bOff + j + 1];
      double t2 = a[aOff + j + 2] - b[bOff + j + 2];
      double t3 = a[aOff + j + 3] - b[bOff + j + 3];
      s0 += t0 * t0;
      s1 += t1 * t1;
      s2 += t2 * t2;
      s3 += t3 * t3;
    }
    for (; j < d; j++) {
      double t = a[aOff + j] - b[bOff + j];
      s0 += t * t;
    }
    return (s0 + s1) + (s2 + s3);
  }
}
