package org.mnistkit.eda.svd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mnistkit.core.testing.TestAssertions.assertThrowsWithMessage;
import static org.mnistkit.eda.testing.Close.assertClose;

import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.SingularValueDecomposition;
import org.junit.jupiter.api.Test;
import org.mnistkit.core.tensor.FloatMatrix;
import org.mnistkit.eda.testing.Fixtures;

class TruncatedSvdTest {

  private static SvdResult irlba(FloatMatrix a, int nv) {
    return TruncatedSvd.builder().nv(nv).build().fit(a);
  }

  /** Asserts that the columns of x (float) are orthonormal to tol. */
  static void assertOrthonormal(FloatMatrix x, double tol, String what) {
    for (int c1 = 0; c1 < x.cols(); c1++) {
      for (int c2 = 0; c2 <= c1; c2++) {
        double s = 0;
        for (int i = 0; i < x.rows(); i++) {
          s += (double) x.get(i, c1) * x.get(i, c2);
        }
        assertClose(s, c1 == c2 ? 1.0 : 0.0, 0, tol, what + "^T " + what + "(" + c1 + "," + c2 + ")");
      }
    }
  }

  /** Asserts |x[:, c]| == |expected[:, c]| element-wise for the first x.cols() columns. */
  static void assertSameUpToSign(FloatMatrix x, RealMatrix expected, double tol, String what) {
    for (int c = 0; c < x.cols(); c++) {
      double dot = 0;
      for (int i = 0; i < x.rows(); i++) {
        dot += x.get(i, c) * expected.getEntry(i, c);
      }
      double sign = Math.signum(dot);
      for (int i = 0; i < x.rows(); i++) {
        assertClose(x.get(i, c), sign * expected.getEntry(i, c), 0, tol,
            what + "[" + i + "," + c + "]");
      }
    }
  }

  static double reconstructionError(FloatMatrix a, SvdResult s) {
    double[] d = s.singularValues();
    double err = 0;
    double norm = 0;
    for (int i = 0; i < a.rows(); i++) {
      for (int j = 0; j < a.cols(); j++) {
        double r = 0;
        for (int c = 0; c < d.length; c++) {
          r += (double) s.u().get(i, c) * d[c] * s.v().get(j, c);
        }
        err += (a.get(i, j) - r) * (a.get(i, j) - r);
        norm += (double) a.get(i, j) * a.get(i, j);
      }
    }
    return Math.sqrt(err / norm);
  }

  @Test
  void agreesWithDenseSvdOnRandomMatrix() {
    FloatMatrix a = Fixtures.gaussian(200, 40, 7);
    SvdResult s = irlba(a, 5);
    SingularValueDecomposition dense = new SingularValueDecomposition(Fixtures.toReal(a));
    double[] expected = java.util.Arrays.copyOf(dense.getSingularValues(), 5);
    assertTrue(s.converged());
    assertEquals(5, s.rank());
    assertClose(s.singularValues(), expected, 1e-8, 0, "d");
    assertSameUpToSign(s.u(), dense.getU(), 1e-5, "u");
    assertSameUpToSign(s.v(), dense.getV(), 1e-5, "v");
    assertOrthonormal(s.u(), 1e-6, "U");
    assertOrthonormal(s.v(), 1e-6, "V");
    assertEquals(200, s.u().rows());
    assertEquals(40, s.v().rows());
  }

  @Test
  void recoversLowRankMatrixExactly() {
    // nv equals the rank, so the Lanczos process meets an invariant subspace.
    FloatMatrix a = Fixtures.lowRank(150, 30, 5, 11);
    SvdResult s = irlba(a, 5);
    SingularValueDecomposition dense = new SingularValueDecomposition(Fixtures.toReal(a));
    assertClose(s.singularValues(), java.util.Arrays.copyOf(dense.getSingularValues(), 5), 1e-7,
        0, "d");
    assertTrue(reconstructionError(a, s) < 1e-6, "||A - U S V^T|| / ||A|| = "
        + reconstructionError(a, s));
    assertOrthonormal(s.u(), 1e-6, "U");
    assertOrthonormal(s.v(), 1e-6, "V");
    assertSameUpToSign(s.v(), dense.getV(), 1e-5, "v");
  }

  @Test
  void truncationErrorEqualsTheDroppedSingularValues() {
    FloatMatrix a = Fixtures.gaussian(120, 30, 3);
    SvdResult s = irlba(a, 10);
    double[] all = new SingularValueDecomposition(Fixtures.toReal(a)).getSingularValues();
    double dropped = 0;
    double total = 0;
    for (int i = 0; i < all.length; i++) {
      total += all[i] * all[i];
      if (i >= 10) {
        dropped += all[i] * all[i];
      }
    }
    assertClose(reconstructionError(a, s), Math.sqrt(dropped / total), 1e-5, 0,
        "relative Frobenius error of the rank-10 approximation");
  }

  @Test
  void wideMatrixWorks() {
    FloatMatrix a = Fixtures.gaussian(20, 90, 5);
    SvdResult s = irlba(a, 4);
    double[] expected = new SingularValueDecomposition(Fixtures.toReal(a)).getSingularValues();
    assertClose(s.singularValues(), java.util.Arrays.copyOf(expected, 4), 1e-8, 0, "d");
    assertEquals(20, s.u().rows());
    assertEquals(90, s.v().rows());
  }

  /**
   * R 4.2, irlba 2.3.5.1: {@code A <- outer(1:60, 1:25, function(i, j) sin(i * j / 7) +
   * cos(i + 2 * j) / (1 + j)); irlba(A, nv = 5)$d} gives the values below (svd(A)$d agrees to
   * 1e-14). Our matrix holds the same values rounded to float, so we agree to 1e-6 relative.
   */
  @Test
  void matchesRIrlbaGoldenValues() {
    double[] r = {8.13667126549011, 8.11391782909897, 7.47961879444014, 7.06283205753766,
        6.17068417586262};
    SvdResult s = irlba(Fixtures.rGolden(60, 25), 5);
    assertClose(s.singularValues(), r, 1e-6, 0, "d vs R irlba");
    assertTrue(s.converged());
  }

  @Test
  void resultDoesNotDependOnThreadCount() {
    FloatMatrix a = Fixtures.gaussian(300, 50, 9);
    SvdResult one = TruncatedSvd.builder().nv(6).threads(1).build().fit(a);
    SvdResult three = TruncatedSvd.builder().nv(6).threads(3).build().fit(a);
    assertArrayEquals(one.singularValues(), three.singularValues());
    assertEquals(one.u(), three.u());
    assertEquals(one.v(), three.v());
    assertEquals(one.matrixVectorProducts(), three.matrixVectorProducts());
  }

  /**
   * Matrices tall enough that the Gram-Schmidt passes and the restarts split into several blocks
   * (so several workers share them), through both the sparse index and the in-place operator.
   */
  @Test
  void largerMatricesGiveTheSameResultOnOneOrThreeThreads() {
    for (FloatMatrix a : new FloatMatrix[] {Fixtures.sparse(5000, 40, 0.15, 4),
        Fixtures.gaussian(5000, 40, 5)}) {
      SvdResult one = TruncatedSvd.builder().nv(5).threads(1).build().fit(a);
      SvdResult three = TruncatedSvd.builder().nv(5).threads(3).build().fit(a);
      assertArrayEquals(one.singularValues(), three.singularValues());
      assertEquals(one.u(), three.u());
      assertEquals(one.v(), three.v());
      double[] dense = new SingularValueDecomposition(Fixtures.toReal(a)).getSingularValues();
      assertClose(one.singularValues(), java.util.Arrays.copyOf(dense, 5), 1e-7, 0, "d");
      assertOrthonormal(one.u(), 1e-6, "U");
    }
  }

  @Test
  void reportsNonConvergence() {
    FloatMatrix a = Fixtures.gaussian(100, 60, 2);
    SvdResult s = TruncatedSvd.builder().nv(8).work(10).tol(1e-12).maxIterations(1).build().fit(a);
    assertFalse(s.converged());
    assertEquals(1, s.iterations());
    assertEquals(0, s.restarts());
    assertEquals(20, s.matrixVectorProducts());
    assertTrue(s.toString().contains("NOT converged"), s.toString());
  }

  @Test
  void tinyMatrixUsesDenseSvd() {
    FloatMatrix a = Fixtures.gaussian(5, 4, 1);
    SvdResult s = irlba(a, 2);
    assertEquals("dense", s.method());
    double[] expected = new SingularValueDecomposition(Fixtures.toReal(a)).getSingularValues();
    assertClose(s.singularValues(), java.util.Arrays.copyOf(expected, 2), 1e-12, 0, "d");
  }

  @Test
  void rejectsBadInput() {
    TruncatedSvd svd = TruncatedSvd.builder().nv(5).build();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> svd.fit(Fixtures.gaussian(30, 5, 1)));
    assertTrue(e.getMessage().contains("nv must be < min(rows, cols) = 5"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> svd.fit(FloatMatrix.zeros(0, 10)));
    assertTrue(e.getMessage().contains("empty"), e.getMessage());
    FloatMatrix nan = Fixtures.gaussian(30, 20, 1);
    nan.set(3, 4, Float.NaN);
    e = assertThrows(IllegalArgumentException.class, () -> svd.fit(nan));
    assertTrue(e.getMessage().contains("row 3, column 4"), e.getMessage());
    FloatMatrix inf = Fixtures.gaussian(30, 20, 1);
    inf.set(0, 0, Float.POSITIVE_INFINITY);
    assertThrowsWithMessage(IllegalArgumentException.class, () -> svd.fit(inf),
        "the matrix has a non-finite value Infinity at row 0, column 0; remove or impute it first");
    e = assertThrows(IllegalArgumentException.class, () -> svd.fit(FloatMatrix.zeros(30, 20)));
    assertTrue(e.getMessage().contains("null space"), e.getMessage());

    e = assertThrows(IllegalArgumentException.class, () -> TruncatedSvd.builder().nv(0).build());
    assertEquals("nv must be >= 1, got 0", e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> TruncatedSvd.builder().nv(5).work(5).build());
    assertEquals("work must be > nv = 5, got 5", e.getMessage());
    assertThrowsWithMessage(IllegalArgumentException.class,
        () -> TruncatedSvd.builder().nv(5).tol(-1).build(), "tol must be finite and >= 0, got -1.0");
    assertThrowsWithMessage(IllegalArgumentException.class,
        () -> TruncatedSvd.builder().nv(5).maxIterations(0).build(), "maxIterations must be >= 1, got 0");
    assertThrowsWithMessage(IllegalArgumentException.class,
        () -> TruncatedSvd.builder().nv(5).threads(0).build(), "threads must be >= 1, got 0");
  }
}
