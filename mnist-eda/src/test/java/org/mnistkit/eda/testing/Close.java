package org.mnistkit.eda.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.Locale;

/** Numeric assertions with a stated tolerance. */
public final class Close {

  private Close() {}

  /** Asserts {@code |actual - expected| <= atol + rtol * |expected|} element-wise. */
  public static void assertClose(double[] actual, double[] expected, double rtol, double atol,
      String what) {
    if (actual.length != expected.length) {
      fail(String.format(Locale.ROOT, "%s: length %d, expected %d", what, actual.length,
          expected.length));
    }
    for (int i = 0; i < actual.length; i++) {
      assertClose(actual[i], expected[i], rtol, atol, what + "[" + i + "]");
    }
  }

  /** Asserts {@code |actual - expected| <= atol + rtol * |expected|}. */
  public static void assertClose(double actual, double expected, double rtol, double atol,
      String what) {
    double tol = atol + rtol * Math.abs(expected);
    if (!(Math.abs(actual - expected) <= tol)) {
      fail(String.format(Locale.ROOT, "%s: got %.15g, expected %.15g (difference %.3g > %.3g)",
          what, actual, expected, Math.abs(actual - expected), tol));
    }
  }
}
