package org.mnistkit.eda.svd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mnistkit.core.tensor.FloatMatrix;
import org.mnistkit.eda.testing.Fixtures;

/** fit with a progress listener: converged values, never fewer, on the calling thread, same result. */
class SvdProgressTest {

  @Test
  void progressCountsConvergedValuesUpToNvOnTheCallingThread() {
    FloatMatrix a = Fixtures.gaussian(300, 60, 4);
    TruncatedSvd svd = TruncatedSvd.builder().nv(5).seed(1).threads(2).build();
    Thread caller = Thread.currentThread();
    List<long[]> calls = new ArrayList<>();
    SvdResult with = svd.fit(a, (done, total) -> {
      assertEquals(caller, Thread.currentThread());
      calls.add(new long[] {done, total});
    });
    assertTrue(with.converged());
    assertEquals(with.iterations(), calls.size(), "one call per pass: " + calls.size());
    for (int i = 0; i < calls.size(); i++) {
      assertEquals(5, calls.get(i)[1]);
      assertTrue(i == 0 || calls.get(i)[0] >= calls.get(i - 1)[0], "never fewer");
    }
    assertArrayEquals(new long[] {5, 5}, calls.get(calls.size() - 1));
    assertArrayEquals(svd.fit(a).singularValues(), with.singularValues(), 0);
  }
}
