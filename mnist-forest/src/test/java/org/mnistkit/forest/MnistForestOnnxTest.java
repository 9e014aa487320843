package org.mnistkit.forest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mnistkit.core.data.LabeledImages;
import org.mnistkit.core.data.MnistDataset;
import org.mnistkit.core.tensor.FloatMatrix;
import org.mnistkit.core.testing.RealData;

/**
 * The walkthrough's forest (500 trees, default mtry, seed 123, 3000 sampled training images
 * scaled to [0, 1]; the walkthrough also computes permutation importance, which does not change
 * the trees) exported to ONNX: ONNX Runtime gives the same labels for the first 1000 test images
 * and the same probabilities to 1e-6.
 */
@Tag("mnist")
class MnistForestOnnxTest {

  @TempDir
  Path dir;

  @Test
  void theWalkthroughsForestRunsTheSameInOnnxRuntime() throws Exception {
    MnistDataset mnist = RealData.mnist();
    RandomForestModel model = walkthroughForest(mnist);
    assertEquals(28, model.mtry());
    FloatMatrix test = mnist.test().head(1000).toScaledMatrix();
    ForestOnnxTest.assertSameInOnnxRuntime(model, test, dir.resolve("forest.onnx"));
  }

  static RandomForestModel walkthroughForest(MnistDataset mnist) throws IOException {
    LabeledImages train = mnist.train().sample(3000, 123);
    return RandomForest.builder().trees(500).seed(123).build()
        .fit(train.toScaledMatrix(), train.labels());
  }
}
