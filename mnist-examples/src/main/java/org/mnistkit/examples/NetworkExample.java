package org.mnistkit.examples;

import static org.mnistkit.nn.layers.Activation.RELU;
import static org.mnistkit.nn.layers.Activation.SOFTMAX;
import static org.mnistkit.nn.layers.Layers.dense;

import java.io.IOException;
import java.util.Map;
import org.mnistkit.core.data.Mnist;
import org.mnistkit.core.data.MnistDataset;
import org.mnistkit.core.tensor.FloatMatrix;
import org.mnistkit.nn.History;
import org.mnistkit.nn.Sequential;

/**
 * The walkthrough's Keras network in Java: 784-512 (relu)-10 (softmax), rmsprop, 5 epochs of batch
 * 128, then evaluated on the test images. Run: {@code java -cp mnist-examples/target/mnistkit.jar
 * org.mnistkit.examples.NetworkExample}.
 */
public final class NetworkExample {

  private NetworkExample() {}

  /** @param args unused */
  public static void main(String[] args) throws IOException {
    MnistDataset mnist = Mnist.load();
    FloatMatrix x = mnist.train().toScaledMatrix(); // 60000 x 784 in [0, 1]
    FloatMatrix y = mnist.train().toCategorical(); // 60000 x 10

    Sequential model = Sequential.of(dense(512, RELU).inputShape(784), dense(10, SOFTMAX))
        .compile("rmsprop", "categorical_crossentropy", "accuracy");
    System.out.println(model.summary()); // 407,050 parameters

    History history = model.fit(x, y, fit -> fit.epochs(5).batchSize(128)); // Keras-style progress lines
    System.out.println(history);

    Map<String, Double> test = model.evaluate(mnist.test().toScaledMatrix(), mnist.test().toCategorical());
    System.out.printf("test loss %.4f, test accuracy %.4f%n", test.get("loss"), test.get("accuracy"));
  }
}
