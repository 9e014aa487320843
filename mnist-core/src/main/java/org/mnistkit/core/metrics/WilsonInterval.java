package org.mnistkit.core.metrics;

import java.util.Locale;

/**
 * The Wilson score interval for a proportion (Wilson 1927), such as a test accuracy: the
 * interval R gives with {@code prop.test(x, n, correct = FALSE)$conf.int} and statsmodels with
 * {@code proportion_confint(x, n, method = "wilson")}. Unlike the normal ("Wald") interval it
 * stays inside [0, 1] and keeps its coverage near 0 and 1, where the accuracies of good MNIST
 * models lie.
 *
 * <p>For x successes in n trials, p = x / n and the standard normal quantile z:
 * {@code (p + z^2 / 2n -+ z sqrt(p (1 - p) / n + z^2 / 4n^2)) / (1 + z^2 / n)}.
 *
 * <p>Example: 950 right of 1000 gives [0.934686, 0.961870] at 95%.
 *
 * @param lower the lower bound, in [0, 1]
 * @param upper the upper bound, in [lower, 1]
 */
public record WilsonInterval(double lower, double upper) {

  /** z for a two-sided 95% interval: the 0.975 quantile of the standard normal, 1.959963984540054. */
  public static final double Z95 = 1.959963984540054;

  /**
   * The 95% interval.
   *
   * @param successes x, in 0..trials (for an accuracy: the rows predicted right)
   * @param trials n, at least 1 (the rows scored)
   * @return the interval
   * @throws IllegalArgumentException when trials &lt; 1 or successes is outside 0..trials
   */
  public static WilsonInterval of95(long successes, long trials) {
    return of(successes, trials, Z95);
  }

  /**
   * The interval for a given normal quantile.
   *
   * @param successes x, in 0..trials
   * @param trials n, at least 1
   * @param z the two-sided standard normal quantile, positive and finite (1.959963984540054 for
   *     95%, 2.5758293035489 for 99%)
   * @return the interval
   * @throws IllegalArgumentException when trials &lt; 1, successes is outside 0..trials, or z is
   *     not positive and finite
   */
  public static WilsonInterval of(long successes, long trials, double z) {
    if (trials < 1) {
      throw new IllegalArgumentException("trials must be >= 1, got " + trials);
    }
    if (successes < 0 || successes > trials) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "successes must be in 0..%d (the trials), got %d", trials, successes));
    }
    if (!(z > 0) || Double.isInfinite(z)) {
      throw new IllegalArgumentException("z must be positive and finite, got " + z);
    }
    double n = trials;
    double p = successes / n;
    double z2 = z * z;
    double denominator = 1 + z2 / n;
    double centre = (p + z2 / (2 * n)) / denominator;
    double half = z * Math.sqrt(p * (1 - p) / n + z2 / (4 * n * n)) / denominator;
    // at x = 0 or x = n one bound is exactly 0 or 1; rounding must not move it outside [0, 1]
    double lower = successes == 0 ? 0.0 : Math.max(0.0, centre - half);
    double upper = successes == trials ? 1.0 : Math.min(1.0, centre + half);
    return new WilsonInterval(lower, upper);
  }

  /** @return the bounds to 4 places, such as {@code [0.9347, 0.9619]} */
  @Override
  public String toString() {
    return String.format(Locale.ROOT, "[%.4f, %.4f]", lower, upper);
  }
}
