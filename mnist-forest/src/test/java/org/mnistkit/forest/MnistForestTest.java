package org.mnistkit.forest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.mnistkit.core.data.LabeledImages;
import org.mnistkit.core.data.MnistDataset;
import org.mnistkit.core.metrics.Metrics;
import org.mnistkit.core.testing.RealData;

@Tag("mnist")
class MnistForestTest {

  @Test
  void threeThousandImagesAndAHundredTreesReach092() throws IOException {
    MnistDataset mnist = RealData.mnist();
    LabeledImages train = mnist.train().sample(3000, 123);
    RandomForestModel model = RandomForest.builder().trees(100).seed(123).build().fit(train);
    assertEquals(28, model.mtry());
    assertEquals(784, model.importance().meanDecreaseGini().length);
    double accuracy = Metrics.accuracy(mnist.test().labels(), model.predict(mnist.test()));
    assertTrue(accuracy >= 0.92, "test accuracy " + accuracy);
    assertTrue(model.oobError() < 0.10, "OOB error " + model.oobError());
  }
}
