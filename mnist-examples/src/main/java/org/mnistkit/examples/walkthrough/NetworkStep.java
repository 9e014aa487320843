package org.mnistkit.examples.walkthrough;

import static org.mnistkit.nn.layers.Activation.RELU;
import static org.mnistkit.nn.layers.Activation.SOFTMAX;
import static org.mnistkit.nn.layers.Layers.conv2d;
import static org.mnistkit.nn.layers.Layers.dense;
import static org.mnistkit.nn.layers.Layers.dropout;
import static org.mnistkit.nn.layers.Layers.flatten;
import static org.mnistkit.nn.layers.Layers.maxPooling2d;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.mnistkit.core.tensor.FloatMatrix;
import org.mnistkit.eda.plot.ChartOptions;
import org.mnistkit.eda.plot.HistoryPlot;
import org.mnistkit.nn.History;
import org.mnistkit.nn.Loss;
import org.mnistkit.nn.Metric;
import org.mnistkit.nn.Optimizer;
import org.mnistkit.nn.Sequential;

/**
 * Step 6: the walkthrough's dense network, 784-512 (relu)-10 (softmax), compiled with rmsprop and
 * categorical cross-entropy and fitted for 5 epochs with batch size 128, then evaluated on the test
 * images. {@code mnistkit nn} trains the same models through {@link #train}.
 */
public final class NetworkStep {

  private NetworkStep() {}

  /**
   * @param summary accuracy, F1, kappa and times
   * @param modelSummary the layer table of {@code summary()}
   * @param parameters the number of trainable parameters (407,050 for the dense model)
   * @param epochs epochs fitted
   * @param batchSize batch size
   * @param testLoss categorical cross-entropy on the test images
   * @param history per-epoch loss and accuracy
   * @param historyPng the picture of the history
   */
  record Result(ModelSummary summary, String modelSummary, long parameters, int epochs, int batchSize,
      double testLoss, Map<String, double[]> history, String historyPng) {}

  /**
   * What training one model gives.
   *
   * @param model the fitted network
   * @param history what fit recorded
   * @param fitSeconds wall time of fit only
   * @param testLoss the loss on the test rows
   */
  public record Trained(Sequential model, History history, double fitSeconds, double testLoss) {}

  /**
   * The walkthrough's model: {@code dense(512, relu)} on {@code inputs} features, then
   * {@code dense(classes, softmax)}; rmsprop, categorical cross-entropy, accuracy.
   */
  public static Sequential mlp(int inputs, int classes, long seed) {
    return Sequential.of(dense(512, RELU).inputShape(inputs), dense(classes, SOFTMAX)).seed(seed)
        .compile(Optimizer.rmsprop(), Loss.CATEGORICAL_CROSSENTROPY, Metric.ACCURACY);
  }

  /**
   * A small convnet (Keras's MNIST convnet example): two 3 x 3 convolutions of 32 and 64 filters
   * with 2 x 2 max pooling, dropout 0.5, softmax; adam.
   */
  public static Sequential cnn(int height, int width, int classes, long seed) {
    return Sequential.of(conv2d(32, 3, RELU).inputShape(height, width, 1), maxPooling2d(2), conv2d(64, 3, RELU),
        maxPooling2d(2), flatten(), dropout(0.5), dense(classes, SOFTMAX)).seed(seed)
        .compile(Optimizer.adam(), Loss.CATEGORICAL_CROSSENTROPY, Metric.ACCURACY);
  }

  /**
   * Fits a compiled model on one-hot labels, then computes the test loss (scoring goes through
   * {@link ModelSummary#evaluate}, as for every classifier).
   *
   * @param model a compiled network
   * @param x training rows, n x 784 scaled to [0, 1]
   * @param y one-hot training labels, n x classes
   * @param testX test rows
   * @param testY one-hot test labels
   * @param epochs at least 1
   * @param batchSize at least 1
   * @param seed the shuffling seed
   * @param progress where the Keras-style progress lines go, or null for none
   * @return the fitted model and its figures
   */
  public static Trained train(Sequential model, FloatMatrix x, FloatMatrix y, FloatMatrix testX, FloatMatrix testY,
      int epochs, int batchSize, long seed, PrintStream progress) {
    long t0 = System.nanoTime();
    History history = model.fit(x, y, fit -> {
      fit.epochs(epochs).batchSize(batchSize).seed(seed).verbose(progress == null ? 0 : 1);
      return progress == null ? fit : fit.output(progress);
    });
    double fitSeconds = StepContext.seconds(t0);
    double loss = model.evaluate(testX, testY).get("loss");
    return new Trained(model, history, fitSeconds, loss);
  }

  static Result run(StepContext ctx) throws IOException {
    WalkthroughOptions.Sizes sizes = ctx.options.sizes();
    int n = Math.min(sizes.nnTrainRows(), ctx.trainX.rows());
    int classes = ctx.data.classNames().size();
    ctx.heading(6, "Dense network 784-512-" + classes + ", rmsprop, " + sizes.nnEpochs()
        + (sizes.nnEpochs() == 1 ? " epoch" : " epochs") + ", batch 128");
    Sequential model = mlp(ctx.trainX.cols(), classes, ctx.options.seed());
    ctx.say("%s", model.summary());
    FloatMatrix testX = ctx.testXHead();
    int t = testX.rows();
    int[] testLabels = ctx.data.test().head(t).labels();
    Trained tr = train(model, ctx.trainXHead(n), ctx.trainHead(n).toCategorical(), testX,
        org.mnistkit.core.tensor.Categorical.toCategorical(testLabels, classes), sizes.nnEpochs(), 128,
        ctx.options.seed(), ctx.showsProgress() ? System.err : null);
    ModelSummary summary = ctx.evaluate("dense network", model, tr.fitSeconds());
    ctx.say("%s", tr.history());
    ctx.say("fit %.1f s; test loss %.4f, test accuracy %.4f on %d images", tr.fitSeconds(), tr.testLoss(),
        summary.accuracy(), t);
    Map<String, double[]> curves = new LinkedHashMap<>(tr.history().metrics());
    Path png = ctx.file("nn-history.png");
    HistoryPlot.write(curves, ChartOptions.builder().title("Training history").scale(StepContext.PLOT_SCALE).build(), png);
    ctx.say("history plot written to %s", png.getFileName());
    return new Result(summary, model.summary(), model.countParams(), sizes.nnEpochs(), 128, tr.testLoss(), curves,
        png.getFileName().toString());
  }
}
