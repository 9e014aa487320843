package org.mnistkit.eda.umap;

import java.util.Locale;
import org.apache.commons.math3.fitting.leastsquares.LeastSquaresBuilder;
import org.apache.commons.math3.fitting.leastsquares.LeastSquaresOptimizer;
import org.apache.commons.math3.fitting.leastsquares.LevenbergMarquardtOptimizer;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;
import org.apache.commons.math3.util.Pair;

/**
 * The parameters a and b of UMAP's output similarity curve {@code 1 / (1 + a d^(2b))}, fitted by
 * least squares to the target curve that is 1 up to {@code minDist} and decays as
 * {@code exp(-(d - minDist) / spread)} after it, on 300 points from 0 to {@code 3 * spread}, from
 * the start a = b = 1: uwot's {@code find_ab_params} (which calls R's {@code nls}) and umap-learn's
 * {@code find_ab_params} ({@code scipy.optimize.curve_fit}). Here the fit is commons-math3's
 * Levenberg-Marquardt; the results agree with uwot to about 4 digits (minDist 0.001 gives
 * a = 1.929, b = 0.7915).
 *
 * @param a the fitted a, positive
 * @param b the fitted b, positive
 */
public record CurveParameters(double a, double b) {

  private static final int POINTS = 300;

  /**
   * Fits a and b.
   *
   * @param spread the scale of the decay, &gt; 0
   * @param minDist where the decay starts, 0 &lt;= minDist &lt;= spread (uwot warns above)
   * @return the fitted parameters
   * @throws IllegalArgumentException when spread or minDist is out of range, or the fit fails
   */
  public static CurveParameters fit(double spread, double minDist) {
    if (!(spread > 0) || Double.isInfinite(spread)) {
      throw new IllegalArgumentException("spread must be > 0 and finite, got " + spread);
    }
    if (!(minDist >= 0) || minDist > spread) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "minDist must be in [0, spread = %s], got %s", spread, minDist));
    }
    double[] x = new double[POINTS];
    double[] y = new double[POINTS];
    for (int i = 0; i < POINTS; i++) {
      x[i] = 3.0 * spread * i / (POINTS - 1);
      y[i] = x[i] < minDist ? 1.0 : Math.exp(-(x[i] - minDist) / spread);
    }
    LeastSquaresBuilder problem = new LeastSquaresBuilder()
        .start(new double[] {1.0, 1.0})
        .target(y)
        .model(point -> {
          double a = point.getEntry(0);
          double b = point.getEntry(1);
          RealVector value = new ArrayRealVector(POINTS);
          RealMatrix jacobian = new Array2DRowRealMatrix(POINTS, 2);
          for (int i = 0; i < POINTS; i++) {
            double xi = x[i];
            double p = xi > 0 ? Math.pow(xi, 2 * b) : 0.0;
            double denom = 1.0 + a * p;
            value.setEntry(i, 1.0 / denom);
            jacobian.setEntry(i, 0, -p / (denom * denom));
            jacobian.setEntry(i, 1, xi > 0 ? -a * p * 2.0 * Math.log(xi) / (denom * denom) : 0.0);
          }
          return new Pair<>(value, jacobian);
        })
        .maxEvaluations(10_000)
        .maxIterations(10_000);
    LeastSquaresOptimizer.Optimum optimum = new LevenbergMarquardtOptimizer()
        .withCostRelativeTolerance(1e-12).withParameterRelativeTolerance(1e-12)
        .optimize(problem.build());
    double a = optimum.getPoint().getEntry(0);
    double b = optimum.getPoint().getEntry(1);
    if (!(a > 0) || !(b > 0) || Double.isInfinite(a) || Double.isInfinite(b)) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "cannot fit a, b for spread = %s, minDist = %s (got a = %s, b = %s)", spread, minDist,
          a, b));
    }
    return new CurveParameters(a, b);
  }
}
