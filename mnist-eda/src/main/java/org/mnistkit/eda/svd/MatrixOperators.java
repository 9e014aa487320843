package org.mnistkit.eda.svd;

import org.mnistkit.core.concurrent.Workers;
import org.mnistkit.core.tensor.FloatMatrix;

/**
 * Chooses how the SVDs read a {@link FloatMatrix}: through a {@link SparseOperator} when at most
 * {@link #SPARSE_DENSITY} of its entries are non-zero (and it has at most
 * {@link SparseOperator#MAX_COLUMNS} columns), else in place through a {@link DenseOperator}. The
 * result is the same either way up to rounding; only the time differs.
 *
 * <p>The threshold comes from measurements on 60000 x 784 matrices (2-core x86-64, Java 17, a
 * product with A and one with A^T): dense 13.5 ms at any density; sparse 5.5, 7.1, 9.4 and 15 ms
 * at densities 0.19, 0.25, 0.35 and 0.5 with scattered non-zeros (6 to 7 ms on MNIST, density
 * 0.19). Building the index costs 45 ms (MNIST) to 200 ms (scattered), which a
 * saving of 6 ms per pair at density 0.25 repays within irlba's first restarts (nv = 30 takes
 * about 65 pairs).
 */
final class MatrixOperators {

  /** The largest share of non-zero entries for which the sparse operator is chosen. */
  static final double SPARSE_DENSITY = 0.25;

  private MatrixOperators() {}

  /**
   * @param x the matrix, m x n, m, n &gt;= 1
   * @param center n finite column centres, or null
   * @param scale n finite non-zero column scales, or null
   * @param workers threads for the products; owned by the caller
   * @return the operator {@code (X - 1 c^T) diag(1 / s)}
   * @throws IllegalArgumentException when a vector has the wrong length, a centre is not finite or a
   *     scale is zero or not finite
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
