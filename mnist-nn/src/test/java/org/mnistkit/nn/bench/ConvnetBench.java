package org.mnistkit.nn.bench;

import static org.mnistkit.nn.layers.Activation.RELU;
import static org.mnistkit.nn.layers.Activation.SOFTMAX;
import static org.mnistkit.nn.layers.Layers.conv2d;
import static org.mnistkit.nn.layers.Layers.dense;
import static org.mnistkit.nn.layers.Layers.dropout;
import static org.mnistkit.nn.layers.Layers.flatten;
import static org.mnistkit.nn.layers.Layers.maxPooling2d;

import java.util.Locale;
import java.util.Map;
import org.mnistkit.core.data.LabeledImages;
import org.mnistkit.core.data.Mnist;
import org.mnistkit.core.data.MnistDataset;
import org.mnistkit.nn.History;
import org.mnistkit.nn.Optimizer;
import org.mnistkit.nn.Loss;
import org.mnistkit.nn.Metric;
import org.mnistkit.nn.Sequential;

/**
 * Keras's "simple MNIST convnet" example: conv 32 3x3 relu, max pool 2, conv 64 3x3 relu, max pool
 * 2, flatten, dropout 0.5, dense 10 softmax (34,826 parameters), Adam, batch 128, on 28x28x1
 * images. Prints the test accuracy after the given number of epochs. Usage:
 * {@code java -cp ... org.mnistkit.nn.bench.ConvnetBench [epochs] [verbose]}. Not a test.
 */
public final class ConvnetBench {

  private ConvnetBench() {}

  public static void main(String[] args) throws Exception {
    int epochs = args.length > 0 ? Integer.parseInt(args[0]) : 4;
    int verbose = args.length > 1 ? Integer.parseInt(args[1]) : 1;
    MnistDataset mnist = Mnist.load();
    LabeledImages train = mnist.train();
    LabeledImages test = mnist.test();
    Sequential model = Sequential.of(conv2d(32, 3, RELU).inputShape(28, 28, 1), maxPooling2d(2),
        conv2d(64, 3, RELU), maxPooling2d(2), flatten(), dropout(0.5), dense(10, SOFTMAX))
        .compile(Optimizer.adam(), Loss.CATEGORICAL_CROSSENTROPY, Metric.ACCURACY);
    System.out.print(model.summary());
    long t0 = System.nanoTime();
    History h = model.fit(train.toScaledMatrix(), train.toCategorical(),
        f -> f.epochs(epochs).batchSize(128).verbose(verbose));
    double fit = (System.nanoTime() - t0) / 1e9;
    Map<String, Double> r = model.evaluate(test.toScaledMatrix(), test.toCategorical(), 500);
    System.out.printf(Locale.ROOT, "convnet epochs=%d fit_s=%.1f test_loss=%.4f accuracy=%.4f train_accuracy=%.4f%n",
        epochs, fit, r.get("loss"), r.get("accuracy"), h.last("accuracy"));
  }
}
