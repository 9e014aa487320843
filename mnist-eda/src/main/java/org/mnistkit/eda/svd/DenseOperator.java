package org.mnistkit.eda.svd;

import java.util.Arrays;
import java.util.Objects;
import org.mnistkit.core.concurrent.Workers;
import org.mnistkit.core.tensor.FloatMatrix;

/**
 * A {@link FloatMatrix} as a {@link LinearOperator}, optionally centred and scaled by columns
 * without forming the centred matrix: the operator is {@code (X - 1 c^T) diag(1 / s)}, the matrix
 * that irlba works on when given {@code center} and {@code scale}. The matrix is read in place
 * (never copied) and must not change while the operator is in use.
 *
 * <p>Products run in parallel over blocks of rows. {@code A x} is summed in double precision;
 * {@code A^T y} multiplies in float over groups of 16 rows (so that the JIT vectorises it, about
 * twice as fast) and sums the groups in double: relative error about 1e-7, below what the float
 * matrix itself carries, and far below irlba's tolerance. {@code A^T y} sums a fixed number of row blocks in block order, so
 * results do not depend on the number of threads. (Skipping each row's leading and trailing zeros
 * was tried and measured slower on MNIST: the gaps defeat the hardware prefetcher.)
 */
public final class DenseOperator implements LinearOperator {

  /** Row blocks of the transposed product; fixed so that sums do not depend on threads. */
  private static final int BLOCKS = 32;
  /** Rows summed in float (vectorised) before they are added to the double sums. */
  private static final int FLOAT_BLOCK = 16;

  private final FloatMatrix x;
  private final ColumnTransform transform;
  /** The centre rounded to float: rows are centred in float before the float products, and the
   * rounding difference is corrected in double, so large column means cause no cancellation. */
  private final float[] centerFloat;
  private final Workers workers;
  private final double[][] partials;

  private DenseOperator(FloatMatrix x, ColumnTransform transform, Workers workers) {
    this.x = Objects.requireNonNull(x, "x");
    this.workers = Objects.requireNonNull(workers, "workers");
    this.transform = transform;
    int p = x.cols();
    double[] center = transform.center();
    if (center == null) {
      this.centerFloat = null;
    } else {
      this.centerFloat = new float[p];
      for (int j = 0; j < p; j++) {
        this.centerFloat[j] = (float) center[j];
      }
    }
    int n = x.rows();
    partials = new double[Math.min(BLOCKS, Math.max(1, n))][p];
  }

  /**
   * The matrix itself.
   *
   * @param x the matrix, m x n; read in place
   * @param workers threads for the products; owned by the caller
   * @return the operator {@code X}
   */
  public static DenseOperator of(FloatMatrix x, Workers workers) {
    return centered(x, null, null, workers);
  }

  /**
   * The centred and scaled matrix {@code (X - 1 c^T) diag(1 / s)}.
   *
   * @param x the matrix, m x n; read in place
   * @param center n finite column centres, or null for none
   * @param scale n finite non-zero column scales, or null for none
   * @param workers threads for the products; owned by the caller
   * @return the operator
   * @throws IllegalArgumentException when a vector has the wrong length, a centre is not finite or a
   *     scale is zero or not finite
   */
  public static DenseOperator centered(FloatMatrix x, double[] center, double[] scale,
      Workers workers) {
    return new DenseOperator(x, ColumnTransform.of(x.cols(), center, scale), workers);
  }

  /** The operator with a validated transform; see {@link MatrixOperators}. */
  static DenseOperator transformed(FloatMatrix x, ColumnTransform transform, Workers workers) {
    return new DenseOperator(x, transform, workers);
  }

  @Override
  public int rows() {
    return x.rows();
  }

  @Override
  public int cols() {
    return x.cols();
  }

  @Override
  public void multiply(double[] v, double[] y) {
    int p = x.cols();
    double[] w = transform.scaledInput(v);
    double shift = transform.shift(w);
    float[] a = x.data();
    workers.forChunks(x.rows(), partials.length, (c, from, to) -> {
      for (int i = from; i < to; i++) {
        y[i] = dot(a, i * p, w, p) - shift;
      }
    });
  }

  @Override
  public void multiplyTranspose(double[] y, double[] out) {
    int p = x.cols();
    float[] a = x.data();
    workers.forChunks(x.rows(), partials.length, (c, from, to) -> {
      double[] acc = partials[c];
      Arrays.fill(acc, 0.0);
      float[] row = new float[p];
      float[] centre = centerFloat;
      float[] block = new float[p];
      for (int start = from; start < to; start += FLOAT_BLOCK) {
        int end = Math.min(to, start + FLOAT_BLOCK);
        Arrays.fill(block, 0f);
        for (int i = start; i < end; i++) {
          System.arraycopy(a, i * p, row, 0, p);
          if (centre != null) {
            subtract(row, centre);
          }
          axpy((float) y[i], row, block);
        }
        for (int j = 0; j < p; j++) {
          acc[j] += block[j];
        }
      }
    });
    Arrays.fill(out, 0.0);
    for (double[] acc : partials) {
      for (int j = 0; j < p; j++) {
        out[j] += acc[j];
      }
    }
    transform.finishTranspose(out, y, centerFloat);
  }

  /**
   * block += s * row over whole arrays of equal length. Both arrays start at index 0, so the JIT
   * can vectorise the loop (it does not when the row is read at an offset inside the matrix's
   * array, because it cannot rule out aliasing); hence the row is copied first.
   */
  private static void subtract(float[] row, float[] centre) {
    for (int j = 0; j < row.length; j++) {
      row[j] -= centre[j];
    }
  }

  private static void axpy(float s, float[] row, float[] block) {
    for (int j = 0; j < block.length; j++) {
      block[j] += s * row[j];
    }
  }

  /** Dot product of a[off .. off + p) with v[0 .. p), eight independent sums. */
  private static double dot(float[] a, int off, double[] v, int p) {
    double s0 = 0.0;
    double s1 = 0.0;
    double s2 = 0.0;
    double s3 = 0.0;
    double s4 = 0.0;
    double s5 = 0.0;
    double s6 = 0.0;
    double s7 = 0.0;
    int j = 0;
    for (; j + 7 < p; j += 8) {
      s0 += a[off + j] * v[j];
      s1 += a[off + j + 1] * v[j + 1];
      s2 += a[off + j + 2] * v[j + 2];
      s3 += a[off + j + 3] * v[j + 3];
      s4 += a[off + j + 4] * v[j + 4];
      s5 += a[off + j + 5] * v[j + 5];
      s6 += a[off + j + 6] * v[j + 6];
      s7 += a[off + j + 7] * v[j + 7];
    }
    for (; j < p; j++) {
      s0 += a[off + j] * v[j];
    }
    return ((s0 + s1) + (s2 + s3)) + ((s4 + s5) + (s6 + s7));
  }
}
