package org.mnistkit.core.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.mnistkit.core.testing.RealData;

/**
 * Fashion-MNIST from its sources (Debian's dataset-fashion-mnist folder, which .ci/run installs, or
 * a mirror): 6000 training and 1000 test images per class. Skipped with the reason where no source
 * can provide it (see {@link RealData}), failed under CI=true.
 */
@Tag("mnist")
class FashionMnistRealDataTest {

  @Test
  void loadsWithSixThousandAndOneThousandImagesPerClass() throws IOException {
    MnistDataset fashion = RealData.fashion();
    assertEquals("fashion-mnist", fashion.name());
    assertArrayEquals(new int[] {60000, 28, 28}, fashion.train().shape());
    int[] train = new int[10];
    java.util.Arrays.fill(train, 6000);
    int[] test = new int[10];
    java.util.Arrays.fill(test, 1000);
    assertArrayEquals(train, fashion.train().labelCounts());
    assertArrayEquals(test, fashion.test().labelCounts());
    assertEquals("Ankle boot", fashion.classNames().get(9));
  }
}
