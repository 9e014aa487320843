package org.mnistkit.eda.svd;

import java.util.Locale;
import org.mnistkit.core.tensor.FloatMatrix;

/**
 * A truncated singular value decomposition {@code A ~ U diag(d) V^T}, as irlba returns it
 * ({@code d}, {@code u}, {@code v}, {@code iter}, {@code mprod}), plus a convergence flag.
 * Immutable: accessors return copies of arrays (the matrices are returned as they are; do not
 * modify them).
 *
 * <p>Singular vectors are unique only up to sign; compare {@code |u|}, not {@code u}.
 */
public final class SvdResult {

  private final double[] singularValues;
  private final FloatMatrix u;
  private final FloatMatrix v;
  private final int iterations;
  private final int matrixVectorProducts;
  private final boolean converged;
  private final String method;

  /**
   * @param singularValues k values, descending, non-negative
   * @param u m x k left singular vectors (orthonormal columns)
   * @param v n x k right singular vectors (orthonormal columns)
   * @param iterations restarted passes (1 = converged without a restart; 0 for a dense SVD)
   * @param matrixVectorProducts products with A or A^T
   * @param converged false when the iteration limit was reached first
   * @param method a short name of the algorithm, such as "irlba"
   */
  SvdResult(double[] singularValues, FloatMatrix u, FloatMatrix v, int iterations,
      int matrixVectorProducts, boolean converged, String method) {
    this.singularValues = singularValues.clone();
    this.u = u;
    this.v = v;
    this.iterations = iterations;
    this.matrixVectorProducts = matrixVectorProducts;
    this.converged = converged;
    this.method = method;
  }

  /** @return the k singular values, largest first; irlba's {@code d} */
  public double[] singularValues() {
    return singularValues.clone();
  }

  /** @return k, the number of singular triplets */
  public int rank() {
    return singularValues.length;
  }

  /** @return U, m x k, orthonormal columns (float precision); irlba's {@code u} */
  public FloatMatrix u() {
    return u;
  }

  /** @return V, n x k, orthonormal columns (float precision); irlba's {@code v} */
  public FloatMatrix v() {
    return v;
  }

  /**
   * @return the number of Lanczos passes (irlba's {@code iter}): 1 when the first pass converged,
   *     each restart adds one; the number of power iterations plus one for the randomized SVD;
   *     0 for a dense SVD
   */
  public int iterations() {
    return iterations;
  }

  /** @return the number of restarts, {@code max(0, iterations() - 1)} */
  public int restarts() {
    return Math.max(0, iterations - 1);
  }

  /** @return the number of products with A or A^T (irlba's {@code mprod}); block products count once per column */
  public int matrixVectorProducts() {
    return matrixVectorProducts;
  }

  /**
   * @return false when the iteration limit was reached before the convergence test passed; the
   *     values are then the best estimates so far and may be inaccurate (irlba warns "did not
   *     converge")
   */
  public boolean converged() {
    return converged;
  }

  /** @return the algorithm that produced this result: "irlba", "randomized" or "dense" */
  public String method() {
    return method;
  }

  /** @return for example {@code SvdResult[irlba, k=30, d1=1511.78, iterations=8, mprod=130, converged]} */
  @Override
  public String toString() {
    return String.format(Locale.ROOT, "SvdResult[%s, k=%d, d1=%.6g, iterations=%d, mprod=%d, %s]",
        method, singularValues.length, singularValues.length > 0 ? singularValues[0] : Double.NaN,
        iterations, matrixVectorProducts, converged ? "converged" : "NOT converged");
  }
}
