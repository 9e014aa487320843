package org.mnistkit.eda.svd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mnistkit.core.testing.TestAssertions.assertThrowsWithMessage;
import static org.mnistkit.eda.testing.Close.assertClose;

import org.apache.commons.math3.linear.SingularValueDecomposition;
import org.junit.jupiter.api.Test;
import org.mnistkit.core.tensor.FloatMatrix;
import org.mnistkit.eda.testing.Fixtures;

class RandomizedSvdTest {

  @Test
  void agreesWithDenseSvdOnDecayingSpectrum() {
    FloatMatrix a = Fixtures.lowRank(300, 40, 12, 5);
    SvdResult s = RandomizedSvd.builder().k(4).build().fit(a);
    SingularValueDecomposition dense = new SingularValueDecomposition(Fixtures.toReal(a));
    assertClose(s.singularValues(), java.util.Arrays.copyOf(dense.getSingularValues(), 4), 1e-6,
        0, "d");
    TruncatedSvdTest.assertSameUpToSign(s.v(), dense.getV(), 1e-4, "v");
    TruncatedSvdTest.assertOrthonormal(s.u(), 1e-6, "U");
    TruncatedSvdTest.assertOrthonormal(s.v(), 1e-6, "V");
    assertEquals("randomized", s.method());
    // l = 14 columns: 14 (range) + 2 * 2 * 14 (power iterations) + 14 (B) products
    assertEquals(84, s.matrixVectorProducts());
  }

  @Test
  void moreOversamplingHelpsOnFlatSpectrum() {
    FloatMatrix a = Fixtures.gaussian(200, 60, 3);
    double[] exact = new SingularValueDecomposition(Fixtures.toReal(a)).getSingularValues();
    double loose = RandomizedSvd.builder().k(3).oversampling(2).powerIterations(0).build()
        .fit(a).singularValues()[0];
    double tight = RandomizedSvd.builder().k(3).oversampling(30).powerIterations(4).build()
        .fit(a).singularValues()[0];
    // both are lower bounds of d1; the better-sampled one is closer
    assertClose(tight, exact[0], 1e-3, 0, "d1 with oversampling 30, 4 power iterations");
    org.junit.jupiter.api.Assertions.assertTrue(loose <= exact[0] + 1e-9
        && exact[0] - tight < exact[0] - loose);
  }

  @Test
  void rejectsBadSettings() {
    assertThrowsWithMessage(IllegalArgumentException.class, () -> RandomizedSvd.builder().build(),
        "k must be >= 1, got unset");
    assertThrowsWithMessage(IllegalArgumentException.class,
        () -> RandomizedSvd.builder().k(2).oversampling(-1).build(), "oversampling must be >= 0, got -1");
    assertThrowsWithMessage(IllegalArgumentException.class,
        () -> RandomizedSvd.builder().k(2).powerIterations(-1).build(), "powerIterations must be >= 0, got -1");
    assertThrowsWithMessage(IllegalArgumentException.class,
        () -> RandomizedSvd.builder().k(5).build().fit(Fixtures.gaussian(10, 5, 1)),
        "nv must be < min(rows, cols) = 5 for a 10 x 5 matrix, got 5; use a dense SVD for all singular values");
  }
}
