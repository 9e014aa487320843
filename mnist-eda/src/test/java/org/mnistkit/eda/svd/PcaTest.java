package org.mnistkit.eda.svd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mnistkit.core.testing.TestAssertions.assertThrowsWithMessage;
import static org.mnistkit.eda.testing.Close.assertClose;

import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.SingularValueDecomposition;
import org.junit.jupiter.api.Test;
import org.mnistkit.core.tensor.FloatMatrix;
import org.mnistkit.eda.testing.Fixtures;

class PcaTest {

  @Test
  void scoresAreUTimesDAndEqualTheProjection() {
    FloatMatrix x = Fixtures.gaussian(150, 20, 4);
    PcaModel pca = Pca.builder().nComponents(4).build().fit(x);
    double[] d = pca.svd().singularValues();
    for (int i = 0; i < x.rows(); i++) {
      for (int c = 0; c < 4; c++) {
        assertClose(pca.scores().get(i, c), pca.svd().u().get(i, c) * d[c], 1e-6, 1e-7,
            "score(" + i + "," + c + ")");
      }
    }
    FloatMatrix projected = pca.transform(x);
    for (int i = 0; i < x.rows(); i++) {
      for (int c = 0; c < 4; c++) {
        assertClose(projected.get(i, c), pca.scores().get(i, c), 0, 2e-5,
            "transform(" + i + "," + c + ")");
      }
    }
  }

  @Test
  void agreesWithDenseSvdOfCentredMatrix() {
    FloatMatrix x = Fixtures.gaussian(100, 15, 8);
    for (int i = 0; i < x.rows(); i++) {
      for (int j = 0; j < x.cols(); j++) {
        x.set(i, j, x.get(i, j) + 5f * j); // column means far from zero
      }
    }
    PcaModel pca = Pca.builder().nComponents(3).build().fit(x);
    RealMatrix centred = Fixtures.toReal(x);
    for (int j = 0; j < x.cols(); j++) {
      double mean = 0;
      for (int i = 0; i < x.rows(); i++) {
        mean += centred.getEntry(i, j);
      }
      mean /= x.rows();
      assertClose(pca.center()[j], mean, 1e-12, 1e-12, "center[" + j + "]");
      for (int i = 0; i < x.rows(); i++) {
        centred.addToEntry(i, j, -mean);
      }
    }
    SingularValueDecomposition dense = new SingularValueDecomposition(centred);
    double[] expectedSdev = new double[3];
    double total = 0;
    double[] all = dense.getSingularValues();
    for (int c = 0; c < all.length; c++) {
      total += all[c] * all[c] / 99;
    }
    for (int c = 0; c < 3; c++) {
      expectedSdev[c] = all[c] / Math.sqrt(99);
    }
    assertClose(pca.sdev(), expectedSdev, 1e-8, 0, "sdev");
    assertClose(pca.totalVariance(), total, 1e-9, 0, "total variance");
    assertClose(pca.explainedVarianceRatio()[0], all[0] * all[0] / 99 / total, 1e-8, 0,
        "explained variance ratio");
    TruncatedSvdTest.assertSameUpToSign(pca.rotation(), dense.getV(), 1e-5, "rotation");
    assertNull(pca.scale());
  }

  /**
   * R 4.2, irlba 2.3.5.1: {@code p <- prcomp_irlba(A, n = 3)} for the matrix of
   * {@link Fixtures#rGolden}: sdev 1.05917551728022 1.05633784100009 0.971748406627634;
   * summary(p) proportion of variance 0.09021 0.08973 0.07593 (rounded to 5 digits by R);
   * |rotation[1:3, 1]| 0.08388291549 0.04744316685 0.01590909045. Tolerances: 1e-6 relative
   * for sdev (float input), 5e-6 absolute for the rounded proportions, 1e-5 for the loadings.
   */
  @Test
  void matchesRPrcompIrlbaGoldenValues() {
    PcaModel p = Pca.builder().nComponents(3).build().fit(Fixtures.rGolden(60, 25));
    assertClose(p.sdev(), new double[] {1.05917551728022, 1.05633784100009, 0.971748406627634},
        1e-6, 0, "sdev");
    assertClose(p.explainedVarianceRatio(), new double[] {0.09021, 0.08973, 0.07593}, 0, 5e-6,
        "proportion of variance");
    double[] rot = {Math.abs(p.rotation().get(0, 0)), Math.abs(p.rotation().get(1, 0)),
        Math.abs(p.rotation().get(2, 0))};
    assertClose(rot, new double[] {0.08388291549, 0.04744316685, 0.01590909045}, 0, 1e-5,
        "|rotation[1:3, 1]|");
  }

  @Test
  void scaledPcaUsesUnitVariance() {
    FloatMatrix x = Fixtures.gaussian(80, 10, 5);
    for (int i = 0; i < x.rows(); i++) {
      x.set(i, 0, x.get(i, 0) * 100f);
    }
    PcaModel p = Pca.builder().nComponents(3).scale(true).build().fit(x);
    assertEquals(10.0, p.totalVariance());
    // after scaling, column 0 no longer dominates the first component
    assertTrue(p.explainedVarianceRatio()[0] < 0.5, "ratio " + p.explainedVarianceRatio()[0]);
    double sum = 0;
    for (double r : p.explainedVarianceRatio()) {
      sum += r;
    }
    assertTrue(sum < 1.0 && sum > 0.0);
  }

  @Test
  void randomizedMethodAgreesOnLeadingComponents() {
    FloatMatrix x = Fixtures.lowRank(200, 30, 6, 21);
    PcaModel a = Pca.builder().nComponents(3).build().fit(x);
    PcaModel b = Pca.builder().nComponents(3).method(Pca.Method.RANDOMIZED).build().fit(x);
    assertClose(b.sdev(), a.sdev(), 1e-6, 0, "randomized vs irlba sdev");
  }

  @Test
  void rejectsBadInput() {
    FloatMatrix constant = Fixtures.gaussian(40, 8, 3);
    for (int i = 0; i < 40; i++) {
      constant.set(i, 2, 1f);
    }
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Pca.builder().nComponents(2).scale(true).build().fit(constant));
    assertTrue(e.getMessage().contains("column 2"), e.getMessage());
    assertThrowsWithMessage(IllegalArgumentException.class, () -> Pca.builder().nComponents(0).build(),
        "nComponents must be >= 1, got 0");
    PcaModel p = Pca.builder().nComponents(2).build().fit(Fixtures.gaussian(40, 8, 1));
    e = assertThrows(IllegalArgumentException.class, () -> p.transform(FloatMatrix.zeros(3, 7)));
    assertTrue(e.getMessage().contains("8 columns"), e.getMessage());
    assertThrowsWithMessage(IllegalArgumentException.class,
        () -> Pca.builder().nComponents(8).build().fit(Fixtures.gaussian(40, 8, 1)),
        "nv must be < min(rows, cols) = 8 for a 40 x 8 matrix, got 8; use a dense SVD for all singular values");
  }
}
