package org.mnistkit.core.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.Locale;
import org.junit.jupiter.api.function.Executable;

/** Assertions shared by the tests of every mnistkit module (published in mnist-core's test-jar). */
public final class TestAssertions {

  private TestAssertions() {}

  /**
   * Asserts |actual - expected| <= atol + rtol * |expected| element by element, naming the first
   * index that differs.
   */
  public static void assertClose(double[] actual, double[] expected, double rtol, double atol) {
    assertEquals(expected.length, actual.length, "length");
    for (int i = 0; i < expected.length; i++) {
      double tol = atol + rtol * Math.abs(expected[i]);
      if (!(Math.abs(actual[i] - expected[i]) <= tol)) {
        fail(String.format(Locale.ROOT, "index %d: expected %s but got %s (tolerance %.3g)", i, expected[i],
            actual[i], tol));
      }
    }
  }

  /** Scalar form of {@link #assertClose(double[], double[], double, double)}. */
  public static void assertClose(double actual, double expected, double rtol, double atol) {
    assertClose(new double[] {actual}, new double[] {expected}, rtol, atol);
  }

  /**
   * Asserts that the call throws the given type with a message containing every fragment.
   *
   * @return the exception, for further checks
   */
  public static <T extends Throwable> T assertThrowsWithMessage(Class<T> type, Executable call,
      String... fragments) {
    T e = assertThrows(type, call);
    String msg = String.valueOf(e.getMessage());
    for (String f : fragments) {
      assertTrue(msg.contains(f), () -> "message '" + msg + "' lacks '" + f + "'");
    }
    return e;
  }
}
