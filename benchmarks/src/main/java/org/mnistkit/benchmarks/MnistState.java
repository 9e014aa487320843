package org.mnistkit.benchmarks;

import java.io.IOException;
import org.mnistkit.core.data.DatasetLoader;
import org.mnistkit.core.data.DatasetSpec;
import org.mnistkit.core.data.LabeledImages;
import org.mnistkit.core.data.MnistDataset;
import org.mnistkit.core.tensor.FloatMatrix;

/**
 * MNIST loaded once and prepared as the walkthrough does: a seeded sample of training rows scaled
 * to [0, 1], and all test rows. Benchmarks keep one per trial so that no measurement includes
 * loading.
 */
final class MnistState {

  final LabeledImages train;
  final FloatMatrix trainX;
  final int[] trainY;
  final FloatMatrix testX;
  final int[] testY;

  /**
   * @param trainRows training images to sample with the seed, 1..60000 (all 60000 keeps their order)
   * @param testRows the first test images to keep, 1..10000
   * @param seed the sampling seed
   */
  MnistState(int trainRows, int testRows, long seed) throws IOException {
    MnistDataset d = DatasetLoader.builder().quiet(true).build().load(DatasetSpec.MNIST);
    train = trainRows == d.train().size() ? d.train() : d.train().sample(trainRows, seed);
    trainX = train.toScaledMatrix();
    trainY = train.labels();
    LabeledImages test = testRows == d.test().size() ? d.test() : d.test().head(testRows);
    testX = test.toScaledMatrix();
    testY = test.labels();
  }
}
