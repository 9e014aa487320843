package org.mnistkit.benchmarks;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.mnistkit.core.data.DatasetSpec;
import org.mnistkit.core.tensor.FloatMatrix;
import org.mnistkit.core.testing.RealData;

/** Runs each benchmark method once so that the suite cannot rot unnoticed. */
@Tag("mnist")
class LoadMnistBenchmarkTest {

  @BeforeAll
  static void mnistIsAvailable() throws IOException {
    RealData.assumeAvailable(DatasetSpec.MNIST); // skipped with the reason where no source can provide it
  }

  @Test
  void everyBenchmarkMethodRunsAndReturnsTheWalkthroughShapes() throws IOException {
    LoadMnistBenchmark b = new LoadMnistBenchmark();
    b.fillCache();
    assertArrayEquals(new int[] {10000, 28, 28}, b.load().test().shape());
    FloatMatrix x = b.reshapeAndScale();
    assertArrayEquals(new int[] {60000, 784}, x.shape());
    assertEquals(x, b.loadReshapeAndScale());
  }
}
