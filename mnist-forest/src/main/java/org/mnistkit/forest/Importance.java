package org.mnistkit.forest;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.IntStream;

/**
 * Feature importance of a fitted forest, the measures R's {@code randomForest::importance}
 * reports. Every array has one entry per feature (length p), in column order of x, so an MNIST
 * array reshapes to a 28 x 28 heatmap row by row. Immutable; getters return copies.
 *
 * <ul>
 *   <li><b>MeanDecreaseGini</b> (always computed): the total decrease in Gini impurity, weighted
 *       by the in-bag counts, of all splits on the feature, divided by the number of trees.
 *   <li><b>MeanDecreaseAccuracy</b> (only with {@link RandomForest.Builder#importance(boolean)}
 *       on): for each tree, the drop in the share of its out-of-bag rows predicted correctly when
 *       the feature is permuted among them, averaged over all trees (0 for trees that do not use
 *       the feature). Its standard error is {@code sqrt((mean(d^2) - mean(d)^2) / ntree)}; the
 *       scaled measure divides by it (by 1 where it is below machine epsilon), which is what
 *       {@code importance(fit)} prints by default. The same per true class: the drop among the
 *       tree's OOB rows of that class.
 * </ul>
 *
 * <p>Source: Breiman (2001), Random Forests, Machine Learning 45; Liaw and Wiener's randomForest
 * (rf.c) for the normalisation.
 */
public final class Importance {

  private static final double EPS = Math.ulp(1.0);

  private final double[] gini;
  private final double[] accuracy; // null without permutation importance
  private final double[] accuracySd;
  private final double[][] classAccuracy;
  private final double[][] classAccuracySd;

  Importance(double[] gini, double[] accuracy, double[] accuracySd, double[][] classAccuracy,
      double[][] classAccuracySd) {
    this.gini = gini;
    this.accuracy = accuracy;
    this.accuracySd = accuracySd;
    this.classAccuracy = classAccuracy;
    this.classAccuracySd = classAccuracySd;
  }

  /** @return the number of features p */
  public int numFeatures() {
    return gini.length;
  }

  /** @return MeanDecreaseGini of every feature, p values &gt;= 0 (up to rounding) */
  public double[] meanDecreaseGini() {
    return gini.clone();
  }

  /** @return whether the permutation measures were computed (importance was on when fitting) */
  public boolean hasPermutation() {
    return accuracy != null;
  }

  /**
   * @return MeanDecreaseAccuracy scaled by its standard error, p values (what R's
   *     {@code importance(fit)} shows)
   * @throws IllegalStateException when the forest was fitted without permutation importance
   */
  public double[] meanDecreaseAccuracy() {
    return meanDecreaseAccuracy(true);
  }

  /**
   * @param scaled divide by the standard error ({@code scale = TRUE} in R) or not
   * @return MeanDecreaseAccuracy of every feature, p values; raw values are shares in [-1, 1]
   * @throws IllegalStateException when the forest was fitted without permutation importance
   */
  public double[] meanDecreaseAccuracy(boolean scaled) {
    requirePermutation();
    return scaled ? scale(accuracy, accuracySd) : accuracy.clone();
  }

  /**
   * @return the standard error of the raw MeanDecreaseAccuracy, p values &gt;= 0 (randomForest's
   *     {@code importanceSD})
   * @throws IllegalStateException when the forest was fitted without permutation importance
   */
  public double[] meanDecreaseAccuracySd() {
    requirePermutation();
    return accuracySd.clone();
  }

  /**
   * @param classIndex a class index, 0..k-1 (the position in {@link RandomForestModel#classes()})
   * @param scaled divide by the standard error or not
   * @return the decrease in accuracy among out-of-bag rows of that class, p values
   * @throws IllegalStateException when the forest was fitted without permutation importance
   * @throws IndexOutOfBoundsException when classIndex is out of range
   */
  public double[] classDecreaseAccuracy(int classIndex, boolean scaled) {
    requirePermutation();
    return scaled ? scale(classAccuracy[classIndex], classAccuracySd[classIndex])
        : classAccuracy[classIndex].clone();
  }

  /**
   * @param classIndex a class index, 0..k-1
   * @return the standard error of the raw per-class decrease, p values
   * @throws IllegalStateException when the forest was fitted without permutation importance
   */
  public double[] classDecreaseAccuracySd(int classIndex) {
    requirePermutation();
    return classAccuracySd[classIndex].clone();
  }

  /**
   * @param values one value per feature
   * @return feature indices ordered by decreasing value (ties: lower index first)
   */
  public static int[] ranking(double[] values) {
    return IntStream.range(0, values.length).boxed()
        .sorted((a, b) -> {
          int c = Double.compare(values[b], values[a]);
          return c != 0 ? c : Integer.compare(a, b);
        })
        .mapToInt(Integer::intValue).toArray();
  }

  /**
   * @param limit the most features to list, at least 1
   * @return the top features by MeanDecreaseGini (and MeanDecreaseAccuracy when computed), one
   *     per line, for logs and the CLI
   */
  public String summary(int limit) {
    StringBuilder sb = new StringBuilder();
    sb.append(String.format(Locale.ROOT, "%8s %16s", "feature", "MeanDecreaseGini"));
    if (hasPermutation()) {
      sb.append(String.format(Locale.ROOT, " %20s", "MeanDecreaseAccuracy"));
    }
    sb.append('\n');
    double[] mda = hasPermutation() ? meanDecreaseAccuracy() : null;
    int[] order = ranking(gini);
    for (int r = 0; r < Math.min(limit, order.length); r++) {
      int f = order[r];
      sb.append(String.format(Locale.ROOT, "%8d %16.4f", f, gini[f]));
      if (mda != null) {
        sb.append(String.format(Locale.ROOT, " %20.4f", mda[f]));
      }
      sb.append('\n');
    }
    return sb.toString();
  }

  double[] giniRaw() {
    return gini;
  }

  double[] accuracyRaw() {
    return accuracy;
  }

  double[] accuracySdRaw() {
    return accuracySd;
  }

  double[][] classAccuracyRaw() {
    return classAccuracy;
  }

  double[][] classAccuracySdRaw() {
    return classAccuracySd;
  }

  private void requirePermutation() {
    if (accuracy == null) {
      throw new IllegalStateException("permutation importance was not computed; fit with "
          + "RandomForest.builder().importance(true)");
    }
  }

  private static double[] scale(double[] values, double[] sd) {
    double[] out = new double[values.length];
    for (int f = 0; f < values.length; f++) {
      out[f] = values[f] / (sd[f] < EPS ? 1.0 : sd[f]);
    }
    return out;
  }

  /** Equal when every measure is equal. */
  @Override
  public boolean equals(Object o) {
    return o instanceof Importance m && Arrays.equals(gini, m.gini)
        && Arrays.equals(accuracy, m.accuracy) && Arrays.equals(accuracySd, m.accuracySd)
        && Arrays.deepEquals(classAccuracy, m.classAccuracy)
        && Arrays.deepEquals(classAccuracySd, m.classAccuracySd);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(gini) + Arrays.hashCode(accuracy);
  }

  @Override
  public String toString() {
    return summary(10);
  }
}
