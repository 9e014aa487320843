package org.mnistkit.eda.svd;

/**
 * A real m x n matrix seen only through its products with vectors, which is all that the Lanczos
 * and randomized SVDs need. {@link DenseOperator} (in place) and {@link SparseOperator} (an index
 * of the non-zero entries) adapt a {@link org.mnistkit.core.tensor.FloatMatrix}, optionally centred
 * and scaled without forming the result; UMAP's spectral initialisation passes a sparse graph
 * Laplacian.
 *
 * <p>Implementations must be safe to call from one thread at a time and must not keep references
 * to the argument arrays.
 */
public interface LinearOperator {

  /** @return m, the number of rows, at least 0 */
  int rows();

  /** @return n, the number of columns, at least 0 */
  int cols();

  /**
   * Computes {@code y = A x}.
   *
   * @param x n values, not modified
   * @param y m values, overwritten with the product
   */
  void multiply(double[] x, double[] y);

  /**
   * Computes {@code x = A^T y}.
   *
   * @param y m values, not modified
   * @param x n values, overwritten with the product
   */
  void multiplyTranspose(double[] y, double[] x);
}
