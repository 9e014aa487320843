package org.mnistkit.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.mnistkit.nn.layers.Activation.RELU;
import static org.mnistkit.nn.layers.Activation.SOFTMAX;
import static org.mnistkit.nn.layers.Layers.conv2d;
import static org.mnistkit.nn.layers.Layers.dense;
import static org.mnistkit.nn.layers.Layers.flatten;

import org.junit.jupiter.api.Test;
import org.mnistkit.nn.Sequential;

class FlopFloorTest {

  @Test
  void countsTheWalkthroughNetworksMultiplyAdds() {
    Sequential mlp = Sequential.of(dense(512, RELU).inputShape(784), dense(10, SOFTMAX));
    // forward 784 x 512 + 512 x 10 = 406,528; backward the same plus 512 x 10 for the hidden gradient
    assertEquals(406_528L + 411_648L, FlopFloor.multiplyAddsPerImage(mlp));
    double peak = FlopFloor.peakFlops();
    if (!Double.isNaN(peak)) {
      assertEquals(2.0 * 818_176 * 60_000 * 5 / peak, FlopFloor.seconds(mlp, 60_000, 5), 1e-12);
    }
  }

  @Test
  void hasNoFloorForAConvnet() {
    Sequential cnn = Sequential.of(conv2d(4, 3, RELU).inputShape(8, 8, 1), flatten(), dense(10, SOFTMAX));
    assertEquals(-1, FlopFloor.multiplyAddsPerImage(cnn));
    assertNull(FlopFloor.seconds(cnn, 100, 1));
  }
}
