package org.mnistkit.eda.svd;

import org.mnistkit.core.tensor.FloatMatrix;
import org.mnistkit.eda.Workers;

/**
 * Chooses how the SVDs read a {@link FloatMatrix}: through a {@link SparseOperator} when at most
 * {@link #SPARSE_DENSITY} of its entries are non-zero (and it has at most
 * {@link SparseOperator#MAX_COLUMNS} columns), else in place through a {@link DenseOperator}. The
 * result is the same either way up to rounding; only the time differs.
 *
 * <p>The threshold was measured on MNIST-shaped matrices (2-core x86-64, Java 17): a dense product
 * costs about 0.3 ns per entry, a sparse one about 0.8 ns per non-zero, so sparse wins below a
 * density of about 0.37; 0.25 leaves room for the one-off cost of building the index.
 */
final class MatrixOperators {

  /** The largest share of non-zero entries for which the sparse operator is chosen. */
  static final double SPARSE_DENSITY = 0.25;

  private MatrixOperators() {}

  /**
   * @param x the matrix, m x n, m, n &gt;= 1
   * @param center n column centres, or null
   * @param scale n finite non-zero column scales, or null
   * @param workers threads for the products; owned by the caller
   * @return the operator {@code (X - 1 c^T) diag(1 / s)}
   * @throws IllegalArgumentException when a vector has the wrong length or a scale is zero or not
   *     finite
   */
  static LinearOperator forMatrix(FloatMatrix x, double[] center, double[] scale,
      Workers workers) {
    ColumnTransform transform = ColumnTransform.of(x.cols(), center, scale);
    if (x.cols() <= SparseOperator.MAX_COLUMNS) {
      int[] counts = SparseOperator.countNonZeros(x, workers);
      long nonZeros = 0;
      for (int c : counts) {
        nonZeros += c;
      }
      if (nonZeros <= SPARSE_DENSITY * x.rows() * (double) x.cols()) {
        return SparseOperator.indexed(x, counts, transform, workers);
      }
    }
    return DenseOperator.transformed(x, transform, workers);
  }
}
