package org.mnistkit.eda.svd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mnistkit.eda.testing.Close.assertClose;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.SingularValueDecomposition;
import org.junit.jupiter.api.Test;
import org.mnistkit.core.concurrent.Workers;
import org.mnistkit.core.tensor.FloatMatrix;
import org.mnistkit.eda.testing.Fixtures;

class SparseOperatorTest {

  private static double[] gaussian(int n, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    double[] v = new double[n];
    for (int i = 0; i < n; i++) {
      v[i] = r.nextGaussian();
    }
    return v;
  }

  /** (X - 1 c^T) diag(1/s) formed explicitly in double. */
  private static double[][] transformed(FloatMatrix x, double[] c, double[] s) {
    double[][] a = new double[x.rows()][x.cols()];
    for (int i = 0; i < x.rows(); i++) {
      for (int j = 0; j < x.cols(); j++) {
        a[i][j] = (x.get(i, j) - (c == null ? 0 : c[j])) / (s == null ? 1 : s[j]);
      }
    }
    return a;
  }

  private static void assertProductsMatch(LinearOperator op, double[][] a, double rtol) {
    int m = a.length;
    int n = a[0].length;
    double[] v = gaussian(n, 1);
    double[] y = gaussian(m, 2);
    double[] av = new double[m];
    double[] aty = new double[n];
    op.multiply(v, av);
    op.multiplyTranspose(y, aty);
    double[] expectedAv = new double[m];
    double[] expectedAty = new double[n];
    for (int i = 0; i < m; i++) {
      for (int j = 0; j < n; j++) {
        expectedAv[i] += a[i][j] * v[j];
        expectedAty[j] += a[i][j] * y[i];
      }
    }
    assertClose(av, expectedAv, rtol, rtol, "A v");
    assertClose(aty, expectedAty, rtol, rtol, "A^T y");
  }

  @Test
  void productsEqualTheExplicitMatrix() {
    FloatMatrix x = Fixtures.sparse(97, 23, 0.2, 3);
    x.set(5, 0, 0f);
    for (int j = 0; j < 23; j++) {
      x.set(7, j, 0f); // an empty row
    }
    double[] c = gaussian(23, 4);
    double[] s = new double[23];
    Arrays.setAll(s, j -> 0.5 + j);
    try (Workers w = new Workers(2)) {
      assertProductsMatch(SparseOperator.of(x, w), transformed(x, null, null), 1e-12);
      assertProductsMatch(SparseOperator.centered(x, c, null, w), transformed(x, c, null), 1e-12);
      assertProductsMatch(SparseOperator.centered(x, c, s, w), transformed(x, c, s), 1e-12);
      // the dense operator sums A^T y in float blocks, hence the looser tolerance
      assertProductsMatch(DenseOperator.centered(x, c, s, w), transformed(x, c, s), 1e-6);
    }
  }

  @Test
  void storesExactlyTheNonZeroEntries() {
    FloatMatrix x = Fixtures.sparse(50, 40, 0.1, 8);
    int expected = 0;
    for (float v : x.data()) {
      expected += v != 0f ? 1 : 0;
    }
    try (Workers w = new Workers(3)) {
      assertEquals(expected, SparseOperator.of(x, w).nonZeros());
      assertEquals(0, SparseOperator.of(FloatMatrix.zeros(4, 3), w).nonZeros());
    }
  }

  @Test
  void productsDoNotDependOnThreadCount() {
    FloatMatrix x = Fixtures.sparse(500, 60, 0.15, 5);
    double[] v = gaussian(60, 6);
    double[] y = gaussian(500, 7);
    double[][] results = new double[4][];
    int[] threads = {1, 3};
    for (int t = 0; t < 2; t++) {
      try (Workers w = new Workers(threads[t])) {
        LinearOperator op = SparseOperator.of(x, w);
        results[2 * t] = new double[500];
        results[2 * t + 1] = new double[60];
        op.multiply(v, results[2 * t]);
        op.multiplyTranspose(y, results[2 * t + 1]);
      }
    }
    assertArrayEquals(results[0], results[2]);
    assertArrayEquals(results[1], results[3]);
  }

  @Test
  void sparseMatricesAreReadThroughTheIndex() {
    try (Workers w = new Workers(1)) {
      assertInstanceOf(SparseOperator.class,
          MatrixOperators.forMatrix(Fixtures.sparse(40, 30, 0.2, 1), null, null, w));
      assertInstanceOf(DenseOperator.class,
          MatrixOperators.forMatrix(Fixtures.sparse(40, 30, 0.5, 1), null, null, w));
      assertInstanceOf(DenseOperator.class,
          MatrixOperators.forMatrix(FloatMatrix.zeros(1, SparseOperator.MAX_COLUMNS + 1), null,
              null, w));
    }
  }

  @Test
  void truncatedSvdOfASparseMatrixAgreesWithDenseSvd() {
    FloatMatrix x = Fixtures.sparse(300, 50, 0.1, 12);
    SvdResult s = TruncatedSvd.builder().nv(6).build().fit(x);
    SingularValueDecomposition dense = new SingularValueDecomposition(Fixtures.toReal(x));
    assertTrue(s.converged());
    assertClose(s.singularValues(), Arrays.copyOf(dense.getSingularValues(), 6), 1e-8, 0, "d");
    TruncatedSvdTest.assertSameUpToSign(s.v(), dense.getV(), 1e-5, "v");
    TruncatedSvdTest.assertOrthonormal(s.u(), 1e-6, "U");
  }

  @Test
  void pcaOfASparseMatrixAgreesWithDenseSvdOfTheCentredMatrix() {
    FloatMatrix x = Fixtures.sparse(200, 30, 0.15, 13);
    PcaModel pca = Pca.builder().nComponents(4).build().fit(x);
    RealMatrix centred = Fixtures.toReal(x);
    for (int j = 0; j < x.cols(); j++) {
      double mean = 0;
      for (int i = 0; i < x.rows(); i++) {
        mean += centred.getEntry(i, j) / x.rows();
      }
      for (int i = 0; i < x.rows(); i++) {
        centred.addToEntry(i, j, -mean);
      }
    }
    double[] d = new SingularValueDecomposition(centred).getSingularValues();
    assertClose(pca.svd().singularValues(), Arrays.copyOf(d, 4), 1e-8, 0, "d");
  }

  @Test
  void theLastAddressableColumnIsIndexedCorrectly() {
    int p = SparseOperator.MAX_COLUMNS;
    FloatMatrix x = FloatMatrix.zeros(2, p);
    x.set(0, 0, 1f);
    x.set(1, p - 1, 2f);
    x.set(1, p - 2, 3f);
    try (Workers w = new Workers(1)) {
      SparseOperator op = SparseOperator.of(x, w);
      assertEquals(3, op.nonZeros());
      double[] v = new double[p];
      v[0] = 5;
      v[p - 2] = 7;
      v[p - 1] = 11;
      double[] y = new double[2];
      op.multiply(v, y);
      assertArrayEquals(new double[] {5, 3 * 7 + 2 * 11}, y);
      double[] back = new double[p];
      op.multiplyTranspose(new double[] {1, 10}, back);
      assertEquals(1, back[0]);
      assertEquals(30, back[p - 2]);
      assertEquals(20, back[p - 1]);
    }
  }

  @Test
  void rejectsBadInput() {
    try (Workers w = new Workers(1)) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> SparseOperator.of(FloatMatrix.zeros(1, SparseOperator.MAX_COLUMNS + 1), w));
      assertEquals("a sparse operator takes at most 65536 columns, got 65537", e.getMessage());
      FloatMatrix x = Fixtures.sparse(5, 4, 0.5, 1);
      e = assertThrows(IllegalArgumentException.class,
          () -> SparseOperator.centered(x, new double[3], null, w));
      assertEquals("center must have 4 values (one per column), got 3", e.getMessage());
      e = assertThrows(IllegalArgumentException.class,
          () -> SparseOperator.centered(x, null, new double[] {1, 0, 1, 1}, w));
      assertEquals("scale[1] must be finite and non-zero, got 0.0", e.getMessage());
      e = assertThrows(IllegalArgumentException.class,
          () -> SparseOperator.centered(x, new double[] {0, Double.NaN, 0, 0}, null, w));
      assertEquals("center[1] must be finite, got NaN", e.getMessage());
    }
  }
}
