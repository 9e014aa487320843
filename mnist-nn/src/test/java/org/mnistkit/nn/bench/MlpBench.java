package org.mnistkit.nn.bench;

import static org.mnistkit.nn.layers.Activation.RELU;
import static org.mnistkit.nn.layers.Activation.SOFTMAX;
import static org.mnistkit.nn.layers.Layers.dense;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.mnistkit.core.data.LabeledImages;
import org.mnistkit.core.data.Mnist;
import org.mnistkit.core.data.MnistDataset;
import org.mnistkit.nn.History;
import org.mnistkit.nn.Sequential;

/**
 * Side-by-side benchmark of the walkthrough's network against {@code /work/shared/peers/mlp_torch.py}:
 * 784-512 relu-10 softmax, RMSprop, batch 128, all 60,000 training images, then the 10,000 test
 * images. Times only fit, as the peer does, and prints a line in the peer's format. Usage:
 * {@code java -cp ... org.mnistkit.nn.bench.MlpBench [epochs] [verbose]}. Not a test.
 */
public final class MlpBench {

  private MlpBench() {}

  public static void main(String[] args) throws Exception {
    int epochs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
    int verbose = args.length > 1 ? Integer.parseInt(args[1]) : 0;
    MnistDataset mnist = Mnist.load();
    LabeledImages train = mnist.train();
    LabeledImages test = mnist.test();
    Sequential model = Sequential.of(dense(512, RELU).inputShape(784), dense(10, SOFTMAX))
        .compile("rmsprop", "categorical_crossentropy", "accuracy");
    var x = train.toScaledMatrix();
    var y = train.toCategorical();
    long t0 = System.nanoTime();
    History h = model.fit(x, y, f -> f.epochs(epochs).batchSize(128).verbose(verbose));
    double fit = (System.nanoTime() - t0) / 1e9;
    Map<String, Double> r = model.evaluate(test.toScaledMatrix(), test.toCategorical(), 1000);
    System.out.printf(Locale.ROOT, "mnistkit epochs=%d fit_s=%.2f test_loss=%.4f accuracy=%.4f epoch_s=%s%n", epochs,
        fit, r.get("loss"), r.get("accuracy"),
        Arrays.stream(h.epochSeconds()).mapToObj(s -> String.format(Locale.ROOT, "%.2f", s))
            .collect(Collectors.joining(",")));
  }
}
