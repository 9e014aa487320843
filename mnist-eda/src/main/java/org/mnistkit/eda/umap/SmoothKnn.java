package org.mnistkit.eda.umap;

import org.mnistkit.core.concurrent.Workers;

/**
 * UMAP's smooth kNN calibration (McInnes, Healy and Melville 2018, section 3; uwot's
 * {@code smooth_knn.h}, umap-learn's {@code smooth_knn_dist}), in our own code. For each point
 * with sorted neighbour distances {@code d_1 <= ... <= d_k} (the point itself first, at 0):
 * rho is the distance to the {@code localConnectivity}-th nearest neighbour at non-zero distance
 * (interpolated for fractional values), and sigma solves
 * {@code sum_{j >= 2} exp(-max(0, d_j - rho) / sigma) = log2(k) * bandwidth} by bisection (64
 * steps, tolerance 1e-5; the best sigma seen is kept when it does not converge, and counted as a
 * failure). Sigma is then kept at least {@code 1e-3} times the mean distance of the point (or of
 * all points when rho is 0). Membership strengths are {@code exp(-max(0, d_j - rho) / sigma)}.
 */
final class SmoothKnn {

  static final int ITERATIONS = 64;
  static final double TOLERANCE = 1e-5;
  static final double MIN_K_DIST_SCALE = 1e-3;

  /** The result: weights parallel to the distances, and per-point rho and sigma. */
  record Result(double[] weights, double[] rho, double[] sigma, int failures) {}

  private SmoothKnn() {}

  /**
   * @param dist n * k sorted distances per row (row-major)
   * @param n rows
   * @param k neighbours per row
   * @param target the sum to reach, usually log2(k) * bandwidth
   * @param localConnectivity rho's neighbour rank, at least 0 (1 = nearest non-zero)
   * @param skipFirst leave the first neighbour (the point itself) out of the sum
   * @param workers threads
   */
  static Result calibrate(float[] dist, int n, int k, double target, double localConnectivity,
      boolean skipFirst, Workers workers) {
    double meanAll = 0.0;
    for (int i = 0; i < dist.length; i++) {
      meanAll += (dist[i] - meanAll) / (i + 1);
    }
    double globalMean = meanAll;
    double[] weights = new double[n * k];
    double[] rho = new double[n];
    double[] sigma = new double[n];
    int[] failed = new int[n];
    workers.forChunks(n, Math.max(1, Math.min(n, 64)), (c, from, to) -> {
      for (int i = from; i < to; i++) {
        int begin = i * k;
        int end = begin + k;
        int nonZero = end;
        for (int j = begin; j < end; j++) {
          if (dist[j] > 0.0) {
            nonZero = j;
            break;
          }
        }
        double r = findRho(dist, nonZero, end, localConnectivity);
        double s = findSigma(dist, begin + (skipFirst ? 1 : 0), end, target, r);
        if (s < 0) {
          failed[i] = 1;
          s = -s;
        }
        double mean;
        if (r > 0.0) {
          double m = 0.0;
          for (int j = begin; j < end; j++) {
            m += (dist[j] - m) / (j - begin + 1);
          }
          mean = m;
        } else {
          mean = globalMean;
        }
        s = Math.max(MIN_K_DIST_SCALE * mean, s);
        for (int j = begin; j < end; j++) {
          double excess = dist[j] - r;
          weights[j] = excess <= 0.0 ? 1.0 : Math.exp(-excess / s);
        }
        rho[i] = r;
        sigma[i] = s;
      }
    });
    int failures = 0;
    for (int f : failed) {
      failures += f;
    }
    return new Result(weights, rho, sigma, failures);
  }

  /**
   * Rho from the non-zero distances dist[nonZero..end): the localConnectivity-th of them,
   * interpolated linearly for a fractional value; the largest when there are fewer; 0 when none.
   */
  static double findRho(float[] dist, int nonZero, int end, double localConnectivity) {
    int count = end - nonZero;
    if (count >= localConnectivity) {
      int index = (int) Math.floor(localConnectivity);
      double interpolation = localConnectivity - index;
      if (index > 0) {
        double r = dist[nonZero + index - 1];
        if (interpolation >= TOLERANCE) {
          r += interpolation * (dist[nonZero + index] - r);
        }
        return r;
      }
      return count > 0 ? interpolation * dist[nonZero] : 0.0;
    }
    return count > 0 ? dist[end - 1] : 0.0;
  }

  /**
   * Sigma by bisection (doubling while no upper bound is known); returns the negated best value
   * seen when the search does not reach the tolerance in {@link #ITERATIONS} steps.
   */
  static double findSigma(float[] dist, int begin, int end, double target, double rho) {
    double sigma = 1.0;
    double lo = 0.0;
    double hi = Double.MAX_VALUE;
    double best = sigma;
    double bestDiff = Double.MAX_VALUE;
    for (int iter = 0; iter < ITERATIONS; iter++) {
      double sum = 0.0;
      for (int j = begin; j < end; j++) {
        double excess = dist[j] - rho;
        sum += excess <= 0.0 ? 1.0 : Math.exp(-excess / sigma);
      }
      double diff = Math.abs(sum - target);
      if (diff < TOLERANCE) {
        return sigma;
      }
      if (diff < bestDiff) {
        bestDiff = diff;
        best = sigma;
      }
      if (sum > target) {
        hi = sigma;
        sigma = 0.5 * (lo + hi);
      } else {
        lo = sigma;
        sigma = hi == Double.MAX_VALUE ? sigma * 2 : 0.5 * (lo + hi);
      }
    }
    return -best;
  }
}
