package org.mnistkit.core.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mnistkit.core.testing.TestAssertions.assertClose;
import static org.mnistkit.core.testing.TestAssertions.assertThrowsWithMessage;

import org.junit.jupiter.api.Test;

/**
 * Reference values from R 4 (stats): {@code prop.test(x, n, correct = FALSE)$conf.int}, printed
 * with {@code options(digits = 12)}.
 */
class WilsonIntervalTest {

  @Test
  void matchesRsPropTestWithoutContinuityCorrection() {
    check(950, 1000, 0.934686179756, 0.961869737607);
    check(851, 1000, 0.827587976480, 0.871725639063);
    check(9751, 10000, 0.971858680211, 0.977976444537);
    check(1, 2, 0.0945312057342, 0.9054687942658);
    check(3, 7, 0.158219855251470, 0.749541635472343);
  }

  @Test
  void theBoundsAtZeroAndAllAreExactlyZeroAndOne() {
    WilsonInterval none = WilsonInterval.of95(0, 10);
    assertEquals(0.0, none.lower(), 0);
    assertClose(none.upper(), 0.277532799863, 1e-10, 0);
    WilsonInterval all = WilsonInterval.of95(10, 10);
    assertClose(all.lower(), 0.722467200137, 1e-10, 0);
    assertEquals(1.0, all.upper(), 0);
  }

  @Test
  void aWiderQuantileGivesRs99PercentInterval() {
    // prop.test(950, 1000, correct = FALSE, conf.level = 0.99)$conf.int
    WilsonInterval w = WilsonInterval.of(950, 1000, 2.5758293035489);
    assertClose(w.lower(), 0.929093027309466, 1e-10, 0);
    assertClose(w.upper(), 0.964974924277468, 1e-10, 0);
    assertEquals("[0.9291, 0.9650]", w.toString());
  }

  @Test
  void badArgumentsAreNamedWithTheirRange() {
    assertThrowsWithMessage(IllegalArgumentException.class, () -> WilsonInterval.of95(1, 0),
        "trials must be >= 1, got 0");
    assertThrowsWithMessage(IllegalArgumentException.class, () -> WilsonInterval.of95(11, 10),
        "successes must be in 0..10 (the trials), got 11");
    assertThrowsWithMessage(IllegalArgumentException.class, () -> WilsonInterval.of95(-1, 10),
        "got -1");
    assertThrowsWithMessage(IllegalArgumentException.class, () -> WilsonInterval.of(1, 10, 0),
        "z must be positive and finite, got 0.0");
  }

  private static void check(long x, long n, double lower, double upper) {
    WilsonInterval w = WilsonInterval.of95(x, n);
    assertClose(w.lower(), lower, 1e-10, 0);
    assertClose(w.upper(), upper, 1e-10, 0);
  }
}
